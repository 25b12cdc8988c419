import { buildTextIndex } from '../../../lib/anchoring';

// The long page: the fixture pages' bodies, one after another, repeated until the page holds
// about `targetChars` characters of text. Each copy numbers its paragraphs, list items, cells
// and headings ("7.12 ") as long reports number theirs, so no two paragraphs are identical;
// short phrases still recur in every copy, as they do in formulaic reports.

const NUMBERED = 'p, li, td, th, dd, h1, h2, h3, h4, h5, h6, figcaption, blockquote';

export interface LongPage {
  /** The page's markup, to rebuild it after a benchmark that changes its DOM. */
  html: string;
  /** Characters of our index's text (white space collapsed). */
  chars: number;
  /** Characters of `textContent` (raw white space), what the textContent-based peers search. */
  textContentChars: number;
  copies: number;
}

/** Only the body of a page, without scripts. */
export function parseBody(html: string): HTMLElement {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const script of body.querySelectorAll('script')) script.remove();
  return body;
}

/** Replaces the content of `root` with the body of `html` (or a parsed body). */
export function mount(root: HTMLElement, body: HTMLElement): void {
  root.replaceChildren(...document.importNode(body, true).childNodes);
}

export function buildLongPage(root: HTMLElement, fixtures: readonly string[], targetChars: number): LongPage {
  const bodies = fixtures.map(parseBody);
  const copyOf = (k: number) => {
    const section = document.createElement('section');
    for (const body of bodies) {
      const article = document.createElement('article');
      article.append(...document.importNode(body, true).childNodes);
      section.append(article);
    }
    section.querySelectorAll(NUMBERED).forEach((el, j) => el.prepend(`${k}.${j + 1} `));
    return section;
  };
  root.replaceChildren(copyOf(1));
  const perCopy = buildTextIndex(root).text.length;
  const copies = Math.ceil(targetChars / perCopy);
  for (let k = 2; k <= copies; k++) root.append(copyOf(k));
  return {
    html: root.innerHTML,
    chars: buildTextIndex(root).text.length,
    textContentChars: root.textContent?.length ?? 0,
    copies,
  };
}

/**
 * `count` passages of the text, 20 to 300 characters, starting and ending at word
 * boundaries, spread at random (seeded, so every run picks the same ones).
 */
export function pickPassages(text: string, count: number, seed = 1): Array<[number, number]> {
  const random = mulberry32(seed);
  const passages: Array<[number, number]> = [];
  while (passages.length < count) {
    let start = Math.floor(random() * (text.length - 400));
    if (start > 0) start = text.indexOf(' ', start) + 1;
    let end = start + 20 + Math.floor(random() * 280);
    const space = text.indexOf(' ', end);
    end = space === -1 ? text.length : space;
    if (start > 0 && end > start) passages.push([start, end]);
  }
  return passages;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
