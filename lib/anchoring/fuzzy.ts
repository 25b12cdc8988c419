import search from 'approx-string-match';
import { tolerance, type Candidate, type Quote } from './context';

/**
 * Places in text[from, to) where a changed quote may be, by Myers' bit-parallel search
 * (approx-string-match). That library reports only the best matches, so a look-alike of the
 * quote elsewhere could hide the true, slightly edited passage; searching for the quote with
 * its context makes the passage that kept its context the best match. The quote's own bounds
 * are then found inside each match.
 */
export function fuzzyCandidates(
  text: string,
  quote: Quote,
  maxErrors: number,
  from = 0,
  to = text.length,
): Candidate[] {
  const { prefix, exact, suffix } = quote;
  const budget = tolerance(prefix) + maxErrors + tolerance(suffix);
  const candidates: Candidate[] = [];
  for (const around of search(text.slice(from, to), prefix + exact + suffix, budget)) {
    const start = from + around.start;
    for (const match of search(text.slice(start, from + around.end), exact, maxErrors)) {
      candidates.push({ start: start + match.start, end: start + match.end, errors: match.errors });
    }
  }
  return candidates;
}
