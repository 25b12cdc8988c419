import search from 'approx-string-match';
import { missingCharacters, tolerance, type Candidate, type Quote } from './context';
import { editDistance } from './distance';

/**
 * Sets the ends of an approximate match of a quote. The match with fewest edits may run on
 * into the words beside it ("to be good" deleted, it takes " The e" instead) or stop short
 * of a rewritten start, so each end is settled in turn: at a word close to the quote's own
 * first (or last) word, the quote begins (or ends) as it did; otherwise, where the stored
 * context is found near, the quote meets its context; otherwise nothing confirms that end,
 * and it moves to the nearest word close to one of the quote's words there (its first or
 * last words may have been removed). Words are close if at most a quarter of their
 * characters differ. Returns the candidate with its edits recounted, or null if they are
 * now too many.
 */
export function settleEdges(
  text: string,
  quote: Quote,
  candidate: Candidate,
  maxErrors: number,
): Candidate | null {
  const slack = maxErrors + Math.max(tolerance(quote.prefix), tolerance(quote.suffix));
  const start = settleStart(text, quote, candidate.start, maxErrors, slack);
  const end = settleEnd(text, quote, candidate.end, maxErrors, slack);
  if (start === null || end === null || start >= end) return null;
  const errors = editDistance(quote.exact, text.slice(start, end), maxErrors);
  return errors > maxErrors ? null : { start, end, errors };
}

function settleStart(
  text: string,
  quote: Quote,
  at: number,
  maxErrors: number,
  slack: number,
): number | null {
  // Only for a quote that began with a whole word: a reader may leave out an opening mark.
  const word = beganWord(quote) ? wordsIn(text, at, at + 1)[0] : undefined;
  if (word && close(quote.exact.split(' ')[0]!, text.slice(word.start, word.end))) return word.start;
  const prefixEnd = contextEnd(text, quote.prefix, at, slack);
  if (prefixEnd !== null) return prefixEnd + (text[prefixEnd] === ' ' ? 1 : 0);
  return startByWords(text, quote, at, maxErrors);
}

function settleEnd(text: string, quote: Quote, at: number, maxErrors: number, slack: number): number | null {
  // Only for a quote that ended with a whole word: a reader may leave out a full stop.
  const word = endedWord(quote) ? wordsIn(text, at - 1, at).at(-1) : undefined;
  if (word && close(quote.exact.split(' ').at(-1)!, text.slice(word.start, word.end))) return word.end;
  const suffixStart = contextStart(text, quote.suffix, at, slack);
  if (suffixStart !== null) return suffixStart - (text[suffixStart - 1] === ' ' ? 1 : 0);
  return endByWords(text, quote, at, maxErrors);
}

/** Where the stored prefix, found ending near `at`, ends; null if not found there. */
function contextEnd(text: string, prefix: string, at: number, slack: number): number | null {
  if (prefix === '') return null;
  const from = Math.max(0, at - prefix.length - slack);
  const window = text.slice(from, at + slack);
  if (missingCharacters(prefix, window) > tolerance(prefix)) return null; // not there at all
  const ends = search(window, prefix, tolerance(prefix)).map((m) => from + m.end);
  return closest(ends, at);
}

/** Where the stored suffix, found starting near `at`, starts; null if not found there. */
function contextStart(text: string, suffix: string, at: number, slack: number): number | null {
  if (suffix === '') return null;
  const from = Math.max(0, at - slack);
  const window = text.slice(from, at + suffix.length + slack);
  if (missingCharacters(suffix, window) > tolerance(suffix)) return null; // not there at all
  const starts = search(window, suffix, tolerance(suffix)).map((m) => from + m.start);
  return closest(starts, at);
}

function closest(offsets: number[], at: number): number | null {
  let best: number | null = null;
  for (const offset of offsets)
    if (best === null || Math.abs(offset - at) < Math.abs(best - at)) best = offset;
  return best;
}

interface Word {
  start: number;
  end: number;
}

/** The whole words of text that overlap [from, to). */
function wordsIn(text: string, from: number, to: number): Word[] {
  let start = from;
  while (start > 0 && text[start - 1] !== ' ') start--;
  let end = Math.min(text.length, to);
  while (end < text.length && end > start && text[end - 1] !== ' ' && text[end] !== ' ') end++;
  return [...text.slice(start, end).matchAll(/[^ ]+/g)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
}

/** The quote's words within `reach` characters of its start (or, from the end, of its end). */
function quoteWords(exact: string, reach: number, fromEnd: boolean): string[] {
  const words = exact.split(' ');
  const out: string[] = [];
  let distance = 0;
  for (const word of fromEnd ? words.reverse() : words) {
    if (out.length > 0 && distance > reach) break;
    out.push(word);
    distance += word.length + 1;
  }
  return out;
}

/** Whether the quote began at the start of a word (its words are what white space separates). */
function beganWord({ prefix }: Quote): boolean {
  return prefix === '' || prefix.endsWith(' ');
}

function endedWord({ suffix }: Quote): boolean {
  return suffix === '' || suffix.startsWith(' ');
}

/** Whether two words differ in at most a quarter of their characters. */
function close(a: string, b: string): boolean {
  const limit = Math.floor(Math.max(a.length, b.length) / 4);
  return editDistance(a, b, limit) <= limit;
}

/** The start of the first word near `at` that is close to one of the quote's first words. */
function startByWords(text: string, quote: Quote, at: number, maxErrors: number): number | null {
  if (!beganWord(quote)) return at;
  const wanted = quoteWords(quote.exact, maxErrors, false);
  const word = wordsIn(text, at, at + maxErrors + 1).find((w) =>
    wanted.some((q) => close(q, text.slice(w.start, w.end))),
  );
  return word ? word.start : null;
}

/** The end of the last word near `at` that is close to one of the quote's last words. */
function endByWords(text: string, quote: Quote, at: number, maxErrors: number): number | null {
  if (!endedWord(quote)) return at;
  const wanted = quoteWords(quote.exact, maxErrors, true);
  const word = wordsIn(text, Math.max(0, at - maxErrors - 1), at)
    .reverse()
    .find((w) => wanted.some((q) => close(q, text.slice(w.start, w.end))));
  return word ? word.end : null;
}
