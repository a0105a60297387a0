/** Asks the recording panel to move the player (a turn's time clicked, "play from here"). */
export const SEEK_EVENT = 'axial:seek';

export function requestSeek(time: number, play: boolean): void {
  window.dispatchEvent(new CustomEvent(SEEK_EVENT, { detail: { time, play } }));
}

/** The time of the turn a DOM node is in: its paragraph's, or the last timed one before it. */
export function turnTimeAt(node: Element): number | null {
  let paragraph: Element | null = node.closest('.transcript p');
  while (paragraph) {
    const time = paragraph.getAttribute('data-time');
    if (time !== null) return Number(time);
    paragraph = paragraph.previousElementSibling;
  }
  return null;
}
