// TextPositionSelector offsets count Unicode code points (W3C Web Annotation model §4.2.5),
// while JavaScript strings count UTF-16 units: a character outside the Basic Multilingual
// Plane (an emoji, say) is one code point and two units. Ofsted reports and most news have
// none, so a text without surrogates maps offsets one to one and costs a single scan.

import type { Selector } from '../model';

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** How many code points `text` holds. */
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** Converts offsets in one text between UTF-16 units and code points. */
export class CodePointOffsets {
  /** The UTF-16 offset of each surrogate pair's first unit, in order; empty for most texts. */
  private readonly pairs: number[] = [];

  constructor(text: string) {
    if (!HIGH_SURROGATE.test(text)) return; // one quick scan, for most texts the only one
    for (const match of text.matchAll(SURROGATE_PAIR)) this.pairs.push(match.index);
  }

  /** The code point offset of UTF-16 offset `unit` (an offset inside a pair counts it whole). */
  fromUtf16(unit: number): number {
    if (this.pairs.length === 0) return unit;
    return unit - this.pairsBefore((pair) => pair + 1 < unit);
  }

  /** The UTF-16 offset of code point offset `point`. */
  toUtf16(point: number): number {
    if (this.pairs.length === 0) return point;
    // The k-th pair starts at code point pairs[k] - k; every pair starting before `point` adds a unit.
    return point + this.pairsBefore((pair, k) => pair - k < point);
  }

  /** How many pairs, from the first, satisfy `before` (a binary search: it holds for a prefix). */
  private pairsBefore(before: (pair: number, k: number) => boolean): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (before(this.pairs[mid]!, mid)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Positions stored before they counted code points (database version 2, export versions 1
 * and 2) counted UTF-16 units. Without the page's text, only the annotation's own text tells
 * how many pairs come before the quote: those in the quote's prefix. The end then follows from
 * the quote's length in code points. Exact whenever nothing earlier on the page lies outside
 * the Basic Multilingual Plane; otherwise a hint a few characters off, which anchoring checks
 * against the quote (and finds the quote by its text) as it does for any changed page.
 */
export function legacyPositionsToCodePoints(selectors: readonly Selector[]): Selector[] {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  return selectors.map((s) => {
    if (s.type !== 'TextPositionSelector' || !quote) return s;
    const start = Math.max(0, s.start - pairsIn(quote.prefix));
    return { type: 'TextPositionSelector', start, end: start + codePointLength(quote.exact) };
  });
}

const pairsIn = (text: string) => text.length - codePointLength(text);
