import search from 'approx-string-match';
import { DISTINCTIVE_LENGTH } from './choose';
import { tolerance, type Candidate, type Quote } from './context';
import { settleEdges } from './edges';
import type { GramIndex } from './grams';

/**
 * Places where a changed quote may be, with at most `maxErrors` edits, among those starting
 * in [from, to). The gram index narrows the search to stretches that may hold the quote with
 * its context; Myers' bit-parallel search (approx-string-match) then finds the best match in
 * each stretch (one stretch at a time, so a look-alike elsewhere cannot hide an edited
 * passage), and each match's ends are settled by its context.
 */
export function fuzzyCandidates(
  grams: GramIndex,
  quote: Quote,
  maxErrors: number,
  from = 0,
  to = grams.text.length,
): Candidate[] {
  const { text } = grams;
  const found = new Map<string, Candidate>();
  for (const [a, b] of stretches(grams, quote, maxErrors, from, to)) {
    for (const match of search(text.slice(a, b), quote.exact, maxErrors)) {
      const candidate = { start: a + match.start, end: a + match.end, errors: match.errors };
      const settled = settleEdges(text, quote, candidate, maxErrors);
      if (settled) found.set(`${settled.start}:${settled.end}`, settled);
    }
  }
  return [...found.values()];
}

/**
 * Where to search. A short quote counts only with its context on both sides, so the quote
 * with both sides is looked for; a distinctive one may keep context on one side only, so the
 * quote with either side is (together these cover every match of the quote with both sides).
 * The whole range when the index cannot narrow it (a short quote with no context).
 */
function stretches(
  grams: GramIndex,
  { prefix, exact, suffix }: Quote,
  maxErrors: number,
  from: number,
  to: number,
): Array<[number, number]> {
  const found =
    exact.length >= DISTINCTIVE_LENGTH
      ? [
          grams.regions(prefix + exact, tolerance(prefix) + maxErrors, from - prefix.length, to),
          grams.regions(exact + suffix, maxErrors + tolerance(suffix), from, to),
        ]
      : [
          grams.regions(
            prefix + exact + suffix,
            tolerance(prefix) + maxErrors + tolerance(suffix),
            from - prefix.length,
            to,
          ),
        ];
  if (found.some((regions) => regions === null)) {
    return [[Math.max(0, from - prefix.length), Math.min(grams.text.length, to + exact.length + maxErrors)]];
  }
  return merge(found.flatMap((regions) => regions!));
}

function merge(stretches: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of stretches.sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
