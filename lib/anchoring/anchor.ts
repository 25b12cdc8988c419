import type { Selector, TextPositionSelector } from '../model';
import { chooseCandidate } from './choose';
import type { Candidate, Quote } from './context';
import { fuzzyCandidates } from './fuzzy';
import { positionOf, quoteOf } from './selectors';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface TextMatch {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** A fuzzy match may change at most this share of the quote's characters. */
export const MAX_ERROR_RATE = 1 / 5;

/** Fuzzy search looks this far either side of the expected position before looking everywhere. */
export const NEAR_DISTANCE = 2000;

/**
 * Finds a quote in text: 1) the position, accepted only if the text there equals the quote;
 * 2) exact search, several hits chosen by prefix/suffix context agreement, then closeness to
 * the old position; 3) fuzzy search with a score floor (at most a fifth of the quote's
 * characters changed) and context to choose among candidates and reject weak ones, near the
 * expected position first, then everywhere. Returns null (an orphan) rather than a doubtful
 * match: a wrong anchor is far worse than an orphan.
 */
export function anchorQuote(text: string, selectors: readonly Selector[]): TextMatch | null {
  const quote = quoteOf(selectors);
  if (!quote) return null;
  const position = positionOf(selectors);
  return (
    atPosition(text, quote, position) ??
    exactSearch(text, quote, position?.start) ??
    fuzzySearch(text, quote, position)
  );
}

function atPosition(text: string, quote: Quote, position?: TextPositionSelector): TextMatch | null {
  if (!position || text.slice(position.start, position.end) !== quote.exact) return null;
  const candidate = { start: position.start, end: position.end, errors: 0 };
  // Context must bear out even the old offset: a short phrase can recur there by chance.
  const chosen = chooseCandidate(text, quote, [candidate], { expected: position.start, verbatim: true });
  return chosen && { start: chosen.start, end: chosen.end, method: 'position' };
}

function exactSearch(text: string, quote: Quote, expected?: number): TextMatch | null {
  const hits: Candidate[] = [];
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) {
    hits.push({ start: i, end: i + quote.exact.length, errors: 0 });
  }
  const chosen = chooseCandidate(text, quote, hits, { expected, verbatim: true });
  return chosen && { start: chosen.start, end: chosen.end, method: 'exact' };
}

function fuzzySearch(text: string, quote: Quote, position?: TextPositionSelector): TextMatch | null {
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null; // too short to allow any change
  const windows: Array<[number, number]> = [[0, text.length]];
  if (position) {
    const near: [number, number] = [
      Math.max(0, position.start - NEAR_DISTANCE),
      Math.min(text.length, position.end + NEAR_DISTANCE),
    ];
    if (near[0] > 0 || near[1] < text.length) windows.unshift(near);
  }
  for (const [from, to] of windows) {
    const candidates = fuzzyCandidates(text, quote, maxErrors, from, to);
    const chosen = chooseCandidate(text, quote, candidates, { expected: position?.start, verbatim: false });
    if (chosen) return { start: chosen.start, end: chosen.end, method: 'fuzzy' };
  }
  return null;
}
