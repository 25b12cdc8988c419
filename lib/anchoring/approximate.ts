import search from 'approx-string-match';
import type { Candidate } from './context';

const CHUNK_LENGTH = 4096;

/**
 * Places in text[from, to) that match `pattern` with at most `maxErrors` edits (Myers'
 * bit-parallel search). approx-string-match reports only the best matches of the text it is
 * given, so the text is searched in overlapping chunks: a close look-alike in one place must
 * not hide the true, slightly edited passage in another.
 */
export function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): Candidate[] {
  const overlap = pattern.length + maxErrors; // the longest a match can be
  const step = Math.max(CHUNK_LENGTH, 2 * overlap);
  const found = new Map<string, Candidate>();
  for (let at = from; at < to; at += step) {
    const chunk = text.slice(at, Math.min(to, at + step + overlap));
    for (const match of search(chunk, pattern, maxErrors)) {
      const candidate = { start: at + match.start, end: at + match.end, errors: match.errors };
      found.set(`${candidate.start}:${candidate.end}`, candidate);
    }
    if (at + step + overlap >= to) break; // this chunk reached the end
  }
  return [...found.values()];
}
