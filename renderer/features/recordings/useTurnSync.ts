import { useEffect } from 'react';
import { announcePlaying } from '../editor/playingTurn';
import { requestSeek } from './seekEvent';

/** How wide the time label is at the left of a turn (3rem in the stylesheet). */
const TIME_LABEL_WIDTH_EM = 3;

/**
 * The transcript and the player in step: a click on a turn's time seeks the
 * player, and in "follow" mode the turn being played is highlighted and kept
 * in view (a decoration of the editor, see playingTurn.ts).
 */
export function useTurnSync(active: boolean, follow: boolean, currentMs: number): void {
  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const paragraph = target?.closest('.transcript p[data-time]');
      if (!paragraph) return;
      const rect = paragraph.getBoundingClientRect();
      const em = parseFloat(getComputedStyle(paragraph).fontSize) || 16;
      if (event.clientX - rect.left > TIME_LABEL_WIDTH_EM * em) return;
      requestSeek(Number(paragraph.getAttribute('data-time')), false);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [active]);

  useEffect(() => {
    announcePlaying(active && follow ? currentMs : null);
  }, [active, follow, currentMs]);
  useEffect(() => () => announcePlaying(null), []);
}
