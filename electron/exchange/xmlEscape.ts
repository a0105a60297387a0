/**
 * Text for XML that Axial writes (the REFI-QDA project, the workbook's parts):
 * what XML 1.0 cannot hold at all (most control characters, lone surrogates,
 * U+FFFE and U+FFFF) becomes U+FFFD, and a carriage return is written as a
 * reference, which is the only way it survives a parser (a raw CR LF reads as LF).
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Most names and cells need no escaping: one test spares the replacements.
// eslint-disable-next-line no-control-regex -- control characters are among those handled
const TEXT_NEEDS = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- control characters are among those handled
const ATTRIBUTE_NEEDS = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeXmlText(text: string): string {
  if (!TEXT_NEEDS.test(text)) return text;
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** A value between double quotes: line breaks and tabs as references, as a parser would fold them. */
export function escapeXmlAttribute(text: string): string {
  if (!ATTRIBUTE_NEEDS.test(text)) return text;
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
