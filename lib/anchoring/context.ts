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
  /** Sides (0-2) whose stored context is found beside the candidate. */
  agreeing: number;
  /** Sides whose stored context is not found there (an empty stored side counts neither way). */
  disagreeing: number;
  /** Closeness of both sides, 0-2. */
  similarity: number;
}

export function contextEvidence(text: string, candidate: Candidate, quote: Quote): ContextEvidence {
  const { prefix, suffix } = quote;
  const { start, end } = candidate;
  const before = text.slice(Math.max(0, start - prefix.length - tolerance(prefix)), start);
  const after = text.slice(end, end + suffix.length + tolerance(suffix));
  const evidence: ContextEvidence = { agreeing: 0, disagreeing: 0, similarity: 0 };
  for (const similarity of [sideSimilarity(prefix, before), sideSimilarity(suffix, after)]) {
    if (similarity === null) continue;
    if (similarity > 0) evidence.agreeing++;
    else evidence.disagreeing++;
    evidence.similarity += similarity;
  }
  return evidence;
}

/**
 * An eighth of a context may differ, and it may sit as many characters away from the quote:
 * small edits beside a quote are forgiven, while text that merely shares a few words with it
 * (common in formulaic reports) is not.
 */
export function tolerance(context: string): number {
  return Math.floor(context.length / 8);
}

/** 0 when the stored context is not found in `beside`, up to 1 when found unchanged. */
function sideSimilarity(stored: string, beside: string): number | null {
  if (stored === '') return null;
  const best = search(beside, stored, tolerance(stored))[0];
  return best ? 1 - best.errors / stored.length : 0;
}
