import { isSpace } from '../../../lib/anchoring/extract-text';
import { buildTextIndex, type TextIndex } from '../../../lib/anchoring/text-index';
import { FIXTURE_PAGES, showHtml, showPage } from './helpers';
import { buildReferenceIndex } from './reference-index';

// The text index was rewritten for speed (issue 14): one piece a text node, the DOM map built
// on first use. It must give the same text, the same ranges and the same offsets as the index
// it replaced (reference-index.ts), on the fixture pages and on pages made up at random from
// the things that shape text: white space of every kind, blocks, line breaks, hyphens at line
// ends, skipped and hidden elements, empty and white-space-only nodes, comments.

type Point = [Node, number];

function points(root: Node): Point[] {
  const out: Point[] = [];
  const walk = (node: Node) => {
    const size = node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.childNodes.length;
    for (let i = 0; i <= size; i++) out.push([node, i]);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

function describeRange(range: Range | null): string {
  if (!range) return 'null';
  const where = (node: Node, offset: number) =>
    `${node.nodeName}:${JSON.stringify((node as Text).data ?? '')}@${offset}`;
  return `${where(range.startContainer, range.startOffset)}-${where(range.endContainer, range.endOffset)}`;
}

function expectSame(root: Node, skip?: (el: Element) => boolean, everyRange = true): void {
  const fast: TextIndex = buildTextIndex(root, { skip });
  const reference = buildReferenceIndex(root, { skip });
  expect(fast.text).toBe(reference.text);
  const n = fast.text.length;
  const ends = everyRange ? Array.from({ length: n + 1 }, (_, i) => i) : sample(n);
  for (const start of ends) {
    for (const end of everyRange ? [start + 1, start + 3, n] : [start + 1, start + 37]) {
      expect(describeRange(fast.rangeFor(start, end)), `${start}-${end}`).toBe(
        describeRange(reference.rangeFor(start, end)),
      );
    }
  }
  for (const [node, offset] of points(root)) {
    expect(fast.offsetAt(node, offset), `${node.nodeName} ${offset}`).toBe(reference.offsetAt(node, offset));
  }
}

function sample(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += 97) out.push(i);
  return out;
}

/** A made-up page: seeded, so a failure can be reproduced. */
function randomHtml(seed: number): string {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const spaces = [' ', '  ', '\n', '\n   ', '\t', '\u00a0', ' \u00a0 ', '\u2003', '\r\n'];
  const words = ['care', 'extra-', 'familial', 'Devon', 'well-', 'known', 'a', '-', 'é', '😀', 'x'];
  const text = () => {
    let s = random() < 0.3 ? pick(spaces) : '';
    const count = Math.floor(random() * 4);
    for (let i = 0; i < count; i++) s += pick(words) + (i < count - 1 || random() < 0.4 ? pick(spaces) : '');
    return s;
  };
  const tags = ['p', 'span', 'div', 'br', 'b', 'li', 'td', 'script', 'textarea', 'em', 'section'];
  const element = (depth: number): string => {
    const tag = pick(tags);
    if (tag === 'br') return '<br>';
    const hidden = random() < 0.05 ? ' hidden' : '';
    const own = random() < 0.05 ? ' class="own-ui"' : '';
    let inner = '';
    const children = depth > 3 ? 1 : Math.floor(random() * 4);
    for (let i = 0; i < children; i++) {
      const r = random();
      inner += r < 0.5 ? text() : r < 0.55 ? '<!-- c -->' : element(depth + 1);
    }
    const wrap = tag === 'li' ? 'ul' : tag === 'td' ? 'table><tbody><tr' : null;
    const open = `<${tag}${hidden}${own}>${inner}</${tag}>`;
    if (wrap === 'ul') return `<ul>${open}</ul>`;
    if (wrap) return `<table><tbody><tr>${open}</tr></tbody></table>`;
    return open;
  };
  let body = '';
  for (let i = 0; i < 6; i++) body += random() < 0.3 ? text() : element(0);
  return `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
}

describe('the text index against the one it replaced', () => {
  it('treats as white space exactly what \\s matches', () => {
    for (let code = 0; code < 0x10000; code++) {
      expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
    }
  });

  it.each(Array.from({ length: 120 }, (_, i) => i + 1))('agrees on made-up page %i', (seed) => {
    const doc = showHtml(randomHtml(seed));
    expectSame(doc.body, (el) => el.classList.contains('own-ui'));
    expectSame(doc);
  });

  it.each(FIXTURE_PAGES)('agrees on %s', (page) => {
    const doc = showPage(page);
    expectSame(doc.body, undefined, false);
  });
});
