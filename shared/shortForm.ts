/** The cuts researchers write: […] or (…), with three dots or the ellipsis. */
const CUT = /\s*(?:\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\))\s*/u;

/** A short form as kept: trimmed, three dots in a cut written as the ellipsis ("[...]" is "[…]"). */
export function tidyShortForm(shortForm: string): string {
  return shortForm
    .trim()
    .replace(/\[\.\.\.\]/g, '[…]')
    .replace(/\(\.\.\.\)/g, '(…)');
}

/** Words compared as a reader compares them: apostrophes, quotation marks, spaces and case aside. */
function folded(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’‘ʼ]/gu, "'")
    .replace(/[«»“”„"]/gu, '"')
    .replace(/\s+/gu, ' ')
    .toLocaleLowerCase();
}

/** A piece between cuts, without the marks and end punctuation the researcher may add around it. */
function pieceWords(piece: string): string {
  return folded(piece)
    .replace(/^["\s]+/u, '')
    .replace(/["\s.,;:!?]+$/u, '');
}

/**
 * The first piece of a short form that its passage does not hold, in order,
 * or null when every piece is there: a quotation cut with […] cites the
 * speaker's words and nothing else.
 */
export function missingPiece(shortForm: string, passage: string): string | null {
  const text = folded(passage);
  let from = 0;
  for (const piece of shortForm.split(CUT)) {
    const words = pieceWords(piece);
    if (!words) continue;
    const at = text.indexOf(words, from);
    if (at < 0) return piece.trim();
    from = at + words.length;
  }
  return null;
}
