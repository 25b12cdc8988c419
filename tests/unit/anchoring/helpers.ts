import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTextIndex } from '../../../lib/anchoring/text-index';

// CI checks the repository out with ../shared beside it.
const PAGES = path.resolve(__dirname, '../../../../shared/fixtures/pages');
const EDITED = path.resolve(__dirname, '../../fixtures/anchoring');

export const FIXTURE_PAGES = [
  'news-devon-ofsted-2022.html',
  'provider-news-devon-stabilised-workforce.html',
  'report-devon-2025.html',
  'ofsted-provider-devon.html',
] as const;

/**
 * Shows `html` as the test window's document, replacing what was there. Not a separate
 * DOMParser document: happy-dom's Range.setStart/setEnd collapse ranges in any document but
 * the window's own.
 */
export function showHtml(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
  return document;
}

/** Shows a fixture page from ../shared/fixtures/pages. */
export function showPage(name: string): Document {
  return showHtml(readFileSync(path.join(PAGES, name), 'utf8'));
}

/** Shows an edited copy from tests/fixtures/anchoring (see its README). */
export function showEdited(name: string): Document {
  return showHtml(readFileSync(path.join(EDITED, name), 'utf8'));
}

/**
 * A range from the start of `from` to the end of `to`, as a user would select it: each string
 * must lie within one text node, and `to` is looked for from the start of `from` onwards.
 */
export function rangeBetween(doc: Document, from: string, to: string = from): Range {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    let searchFrom = 0;
    if (!started) {
      const at = node.data.indexOf(from);
      if (at === -1) continue;
      range.setStart(node, at);
      started = true;
      searchFrom = at;
    }
    const end = node.data.indexOf(to, searchFrom);
    if (end !== -1) {
      range.setEnd(node, end + to.length);
      return range;
    }
  }
  throw new Error(`No range from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
}

/** The normalised text of a range, taken from a copy of what it covers. */
export function textOf(range: Range): string {
  return buildTextIndex(range.cloneContents()).text;
}

/** White space collapsed as the index does, for strings written in tests. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
