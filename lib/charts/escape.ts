// Text and attribute values for SVG and HTML strings. Stored strings (theme labels, titles,
// grades read from reports) are user data: they go in as text, never as markup.

// Characters XML 1.0 does not allow at all (a parser would refuse the whole file).
// eslint-disable-next-line no-control-regex
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text escaped for an XML/HTML text node or a quoted attribute value. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
