// Which elements shape the text of a page, decided by tag name alone: no layout or computed
// style, so the same rules hold in Node tests, content scripts and a PDF viewer's text layer.

/** Elements whose start and end separate words, as a line break would. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose text a reader never sees as part of the document. */
const SKIPPED = new Set([
  'head',
  'iframe',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'template',
  'textarea',
]);

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.localName) || el.hasAttribute('hidden');
}
