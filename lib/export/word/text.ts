// Stored text on its way into a Word document. The docx library writes every run as a text
// node and escapes XML's special characters, so a quote holding "<b>", "{ HYPERLINK … }" or
// "=SUM(A1)" stays those characters: Word runs fields only from field elements
// (w:fldSimple, w:instrText), which this briefing never writes, and has no formula cells to
// guard as CSV has. What is left to do here is to drop what XML 1.0 cannot hold at all.

/**
 * Control characters other than tab, newline and return, the non-characters U+FFFE/U+FFFF,
 * and unpaired surrogates: none of them may appear in an XML 1.0 document, and Word refuses
 * a file that holds one.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML cannot hold taken out. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Text for one line: XML-safe, white space (tabs, newlines) collapsed to single spaces. */
export function oneLine(text: string): string {
  return xmlText(text).replace(/\s+/g, ' ').trim();
}

/** Text that may run over several lines, as its lines (each collapsed; blank ones kept). */
export function linesOf(text: string): string[] {
  return xmlText(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim());
}

/** An address fit for an external hyperlink: http or https only, normalised by the URL parser; else null. */
export function webLink(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
