import { AxialError } from '../../shared/errors';
import { inflateZip } from '../exchange/boundedZip';

const STYLES = 'word/styles.xml';
// A template's styles are tens of kilobytes; a file claiming more is not one to trust.
const STYLES_LIMIT = 8 * 1024 * 1024;

function notATemplate(): never {
  throw new AxialError(
    'invalid_input',
    'This file is not a Word document or template with styles (.docx or .dotx). Open it in Word or LibreOffice, save it as .docx or .dotx, and give it again.',
    { reason: 'templateNotWord' },
  );
}

/**
 * The styles of a Word document or template (.docx, .dotx) for the report
 * to take, as pandoc takes its reference document's: read without trusting
 * what the archive declares, only its styles part inflated.
 */
export function templateStyles(bytes: Uint8Array): string {
  const outcome = inflateZip(bytes, (name) => name === STYLES, {
    entries: 10_000,
    perEntry: STYLES_LIMIT,
    total: STYLES_LIMIT,
  });
  const styles = outcome.ok ? outcome.files.get(STYLES) : undefined;
  if (!styles) notATemplate();
  const xml = new TextDecoder().decode(styles);
  if (!/<w:styles[\s>]/.test(xml)) notATemplate();
  return xml;
}

/** Whether the template defines a style of this id ("Caption", "Quote"): its own then wins. */
export function definesStyle(styles: string, id: string): boolean {
  return styles.includes(`w:styleId="${id}"`);
}
