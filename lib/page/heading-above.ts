const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * The text of the last heading that starts before a range in the document (the section a
 * passage of a web page sits under), or undefined when none does. Headings of the extension's
 * own UI are skipped.
 */
export function headingAbove(range: Range, isOwnUi: (node: Node) => boolean): string | undefined {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return undefined;
  let found: Element | undefined;
  for (const heading of doc.querySelectorAll(HEADINGS)) {
    if (isOwnUi(heading) || heading.contains(range.startContainer)) continue;
    const before = range.comparePoint(heading, 0) < 0;
    if (!before) break;
    found = heading;
  }
  const text = found?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : undefined;
}
