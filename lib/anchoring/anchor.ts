import type { Selector, TextPositionSelector } from '../model';
import { chooseCandidate } from './choose';
import { CodePointOffsets } from './code-points';
import { holdsText, textAround, type Candidate, type Quote } from './context';
import { fuzzyCandidates } from './fuzzy';
import { GramIndex } from './grams';
import { positionOf, quoteOf } from './selectors';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** Where a quote was found: UTF-16 offsets into the text (a string's own units, not code points). */
export interface TextMatch {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** A fuzzy match may change at most this share of the quote's characters. */
export const MAX_ERROR_RATE = 1 / 5;

/** Searches look this far either side of the expected position before looking everywhere. */
export const NEAR_DISTANCE = 2000;

export interface AnchorOptions {
  /**
   * How far the text has moved where this quote was, as far as the caller knows (from the
   * quotes anchored before it), in UTF-16 units: the quote is expected at its old start plus this.
   */
  shift?: number;
  /** The text's gram index, shared by a batch (built on first need otherwise). */
  grams?: () => GramIndex;
  /** The text's code point offsets (stored positions count code points), shared by a batch. */
  offsets?: CodePointOffsets;
}

/**
 * Finds a quote in text (an annotation with a position and no quote yet: the text at the
 * position): 1) the position, accepted only if the text there equals the quote;
 * 2) exact search, several hits chosen by prefix/suffix context agreement, then closeness to
 * the expected position (near it first: a hit there whose context convinces is taken before
 * a copy elsewhere, and where the quote or its context still stands at the expected position,
 * nowhere else is searched); 3) fuzzy search with a score floor (at most a fifth of the quote's
 * characters changed) and context to choose among candidates and reject weak ones, near the
 * expected position first, then everywhere. Returns null (an orphan) rather than a doubtful
 * match: a wrong anchor is far worse than an orphan.
 */
export function anchorQuote(
  text: string,
  selectors: readonly Selector[],
  { shift = 0, grams, offsets }: AnchorOptions = {},
): TextMatch | null {
  const stored = positionOf(selectors);
  const position = stored && inUnits(stored, offsets ?? new CodePointOffsets(text));
  const quote = quoteOf(selectors);
  if (!quote) return position ? atPositionAlone(text, position) : null;
  const expected = position && position.start + shift;
  const nearOnly = expected !== undefined && standsAt(text, quote, expected);
  return (
    atPosition(text, quote, position) ??
    exactSearch(text, quote, expected, nearOnly) ??
    fuzzySearch(grams ?? (() => new GramIndex(text)), quote, expected, nearOnly)
  );
}

/**
 * Whether the quote, or its stored context on either side, still stands exactly where the
 * quote is expected. Then whatever became of the quote happened there (its words edited, a
 * block inserted into it or beside it): the same words elsewhere on the page are a copy (a
 * syndicated paragraph, a pull quote), not the quote, and only the search near it counts.
 */
function standsAt(text: string, { exact, prefix, suffix }: Quote, at: number): boolean {
  const end = at + exact.length;
  return (
    text.startsWith(exact, at) ||
    (holdsText(prefix) && textAround(text, at - prefix.length, at) === prefix) ||
    (holdsText(suffix) && textAround(text, end, end + suffix.length) === suffix)
  );
}

/** A stored position (code points) as offsets into the string (UTF-16 units). */
function inUnits(position: TextPositionSelector, offsets: CodePointOffsets): TextPositionSelector {
  const start = offsets.toUtf16(position.start);
  return { type: 'TextPositionSelector', start, end: offsets.toUtf16(position.end) };
}

/**
 * An import that gave a position and no quote (see lib/db/validate.ts): the text there is
 * taken as the passage, if there is text there at all, and its quote is then stored.
 */
function atPositionAlone(text: string, { start, end }: TextPositionSelector): TextMatch | null {
  if (start >= end || end > text.length || text.slice(start, end).trim() === '') return null;
  return { start, end, method: 'position' };
}

function atPosition(text: string, quote: Quote, position?: TextPositionSelector): TextMatch | null {
  if (!position || text.slice(position.start, position.end) !== quote.exact) return null;
  const candidate = { start: position.start, end: position.end, errors: 0 };
  // Context must bear out even the old offset: a short phrase can recur there by chance.
  const chosen = chooseCandidate(text, quote, [candidate], { expected: position.start, verbatim: true });
  return chosen && { start: chosen.start, end: chosen.end, method: 'position' };
}

function exactSearch(text: string, quote: Quote, expected?: number, nearOnly = false): TextMatch | null {
  if (expected !== undefined) {
    const from = Math.max(0, expected - NEAR_DISTANCE);
    const near = hits(text, quote.exact, from, expected + NEAR_DISTANCE + quote.exact.length);
    const chosen = chooseCandidate(text, quote, near, { expected, verbatim: true });
    if (chosen) return { start: chosen.start, end: chosen.end, method: 'exact' };
    if (nearOnly) return null;
  }
  const chosen = chooseCandidate(text, quote, hits(text, quote.exact), { expected, verbatim: true });
  return chosen && { start: chosen.start, end: chosen.end, method: 'exact' };
}

/** Every occurrence of `exact` lying within text[from, to). */
function hits(text: string, exact: string, from = 0, to = text.length): Candidate[] {
  const found: Candidate[] = [];
  const within = from === 0 && to >= text.length ? text : text.slice(from, to); // search no further
  for (let i = within.indexOf(exact); i !== -1; i = within.indexOf(exact, i + 1)) {
    found.push({ start: from + i, end: from + i + exact.length, errors: 0 });
  }
  return found;
}

function fuzzySearch(
  gramIndex: () => GramIndex,
  quote: Quote,
  expected?: number,
  nearOnly = false,
): TextMatch | null {
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null; // too short to allow any change
  const grams = gramIndex();
  const { text } = grams;
  const windows: Array<[number, number]> = [[0, text.length]];
  if (expected !== undefined) {
    const near: [number, number] = [
      Math.max(0, expected - NEAR_DISTANCE),
      Math.min(text.length, expected + NEAR_DISTANCE),
    ];
    if (nearOnly) windows[0] = near;
    else if (near[0] > 0 || near[1] < text.length) windows.unshift(near);
  }
  for (const [from, to] of windows) {
    const candidates = fuzzyCandidates(grams, quote, maxErrors, from, to);
    const chosen = chooseCandidate(text, quote, candidates, { expected, verbatim: false });
    if (chosen) return { start: chosen.start, end: chosen.end, method: 'fuzzy' };
  }
  return null;
}
