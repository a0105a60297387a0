/** Asks the recording panel to move the player (a turn's time clicked, "play from here"). */
export const SEEK_EVENT = 'axial:seek';

export function requestSeek(time: number, play: boolean): void {
  window.dispatchEvent(new CustomEvent(SEEK_EVENT, { detail: { time, play } }));
}
