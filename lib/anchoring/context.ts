import search from 'approx-string-match';

/** A quote selector's strings, white space normalised as in the document's text. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A place in the text that may hold the quote. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the quote and the text there (0 for an exact match). */
  errors: number;
}

/** How the text beside a candidate compares with the stored prefix and suffix. */
export interface ContextEvidence {
  /** Sides (0-2) whose stored context is found beside the candidate (or moved off by an insertion). */
  agreeing: number;
  /** Sides whose stored context is not found there (an empty stored side counts neither way). */
  disagreeing: number;
  /** Closeness of both sides, 0-2. */
  similarity: number;
}

/** An ad, a "read more" box, a new table row or note: text this long may come between a quote and its context. */
const INSERTION_LENGTH = 1000;

/** How much a side whose context was moved away by an inserted block counts (less than one beside the quote). */
const DISPLACED_SIMILARITY = 0.5;

export function contextEvidence(text: string, candidate: Candidate, quote: Quote): ContextEvidence {
  const { prefix, suffix } = quote;
  const { start, end } = candidate;
  const before = textAround(text, start - prefix.length - tolerance(prefix), start);
  const after = textAround(text, end, end + suffix.length + tolerance(suffix));
  const sides: [number | null, number | null] = [
    sideSimilarity(prefix, before),
    sideSimilarity(suffix, after),
  ];
  // A block inserted between the quote and its context on one side (an ad, a "read more"
  // box, a table row) leaves that context further on. That counts only when the other side's
  // stored context is found beside the quote: after a quote is removed its own context lies
  // near any look-alike too, and context found further on says nothing of where the quote is
  // when no context was stored on the other side.
  if (sides[0] === 0 && beside(sides[1]) && prefixDisplaced(text, prefix, start))
    sides[0] = DISPLACED_SIMILARITY;
  else if (sides[1] === 0 && beside(sides[0]) && suffixDisplaced(text, suffix, end))
    sides[1] = DISPLACED_SIMILARITY;
  const evidence: ContextEvidence = { agreeing: 0, disagreeing: 0, similarity: 0 };
  for (const similarity of sides) {
    if (similarity === null) continue;
    if (similarity > 0) evidence.agreeing++;
    else evidence.disagreeing++;
    evidence.similarity += similarity;
  }
  return evidence;
}

/** Whether a side's stored context was found beside the quote (not merely not stored). */
function beside(similarity: number | null): boolean {
  return similarity !== null && similarity > 0;
}

/**
 * The text in [from, to), to compare with stored context, with a space for each end of the
 * text the span runs past. The index trims the white space at the text's ends, while stored
 * context keeps what stood there (other tools keep a line break: a suffix " Three\n" of a
 * quote near the end, a prefix "\nOne " of one near the start), and white space collapses to
 * a space; so an end of the text agrees with white space, and with nothing else.
 */
export function textAround(text: string, from: number, to: number): string {
  const head = from < 0 ? ' ' : '';
  const tail = to > text.length ? ' ' : '';
  return head + text.slice(Math.max(0, from), Math.max(0, to)) + tail;
}

/**
 * An eighth of a context may differ, and it may sit as many characters away from the quote:
 * small edits beside a quote are forgiven, while text that merely shares a few words with it
 * (common in formulaic reports) is not.
 */
export function tolerance(context: string): number {
  return Math.floor(context.length / 8);
}

/**
 * 0 when the stored context is not found in `beside`, up to 1 when found unchanged; null
 * (no evidence either way) when none was stored, or only white space found where it stood:
 * white space says that the quote began or ended a word, or met an end of the text, which
 * can rule a place out but does not tell it from other places.
 */
function sideSimilarity(stored: string, beside: string): number | null {
  if (stored === '') return null;
  if (beside.includes(stored)) return holdsText(stored) ? 1 : null; // the common case, without the search below
  if (missingCharacters(stored, beside) > tolerance(stored)) return 0; // the search would find nothing
  const best = search(beside, stored, tolerance(stored))[0];
  return best ? 1 - best.errors / stored.length : 0;
}

const counts = new Int32Array(128);

/**
 * How many of `pattern`'s characters `text` lacks (counted with repeats; characters are
 * compared by their UTF-16 unit modulo 128, which can only make the count smaller). No part of
 * `text` is within fewer edits of `pattern`: each edit supplies at most one missing character.
 * A quick way to rule out the approximate search for context that is not there at all.
 */
export function missingCharacters(pattern: string, text: string): number {
  counts.fill(0);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 127]!++;
  let missing = 0;
  for (let i = 0; i < pattern.length; i++) if (--counts[pattern.charCodeAt(i) & 127]! < 0) missing++;
  return missing;
}

/** Whether stored context holds more than white space: only then can it vouch for a place. */
export function holdsText(context: string): boolean {
  return /\S/.test(context);
}

/**
 * Whether the stored suffix follows `end` with a block inserted inside it: its start right
 * after the quote (perhaps only a space), the rest after the insertion.
 */
function suffixDisplaced(text: string, suffix: string, end: number): boolean {
  let head = 0;
  while (head < suffix.length && text[end + head] === suffix[head]) head++;
  const rest = suffix.slice(head);
  if (rest.length <= tolerance(suffix)) return false; // sideSimilarity judged it already
  const from = end + head + 1;
  return text.slice(from, from + INSERTION_LENGTH + rest.length).includes(rest);
}

/** Whether the stored prefix precedes `start` with a block inserted inside it (as above). */
function prefixDisplaced(text: string, prefix: string, start: number): boolean {
  let head = 0;
  while (head < prefix.length && text[start - 1 - head] === prefix[prefix.length - 1 - head]) head++;
  const rest = prefix.slice(0, prefix.length - head);
  if (rest.length <= tolerance(prefix)) return false;
  const to = start - head - 1; // below 0 when the quote starts the text: nothing lies before
  return text.slice(Math.max(0, to - INSERTION_LENGTH - rest.length), Math.max(0, to)).includes(rest);
}
