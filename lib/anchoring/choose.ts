import {
  contextEvidence,
  holdsText,
  textAround,
  tolerance,
  type Candidate,
  type ContextEvidence,
  type Quote,
} from './context';

/** A quote this long may stand with its context on one side only. */
export const DISTINCTIVE_LENGTH = 32;

/** A verbatim quote this long, found just once, may stand with none of its context. */
export const UNMISTAKABLE_LENGTH = 100;

interface Judged extends Candidate {
  evidence: ContextEvidence;
  /** Distance from the expected position (0 when unknown). */
  distance: number;
}

interface Options {
  /** The quote's old start, if known. */
  expected?: number;
  /** Whether candidates equal the quote exactly (exact search) or approximately (fuzzy). */
  verbatim: boolean;
}

/**
 * The strongest convincing candidate, or null. Candidates rank by agreeing context, then
 * fewest edits, then closeness of context, then closeness to the expected position.
 */
export function chooseCandidate(
  text: string,
  quote: Quote,
  candidates: readonly Candidate[],
  { expected, verbatim }: Options,
): Candidate | null {
  if (verbatim) {
    const perfect = nearestPerfect(text, quote, candidates, expected);
    if (perfect) return perfect;
  }
  const judged: Judged[] = candidates.map((candidate) => ({
    ...candidate,
    evidence: contextEvidence(text, candidate, quote),
    distance: expected === undefined ? 0 : Math.abs(candidate.start - expected),
  }));
  const alone = candidates.length === 1;
  return judged.sort(byStrength).find((c) => isConvincing(c.evidence, quote, verbatim, alone)) ?? null;
}

/**
 * Among verbatim candidates, the nearest whose every stored side of context is found beside
 * it unchanged (the first in the text among equally near ones): the one the full ranking
 * below would choose, found without the approximate search of each candidate's context that
 * the ranking needs (a phrase that recurs a hundred times costs a hundred). Null when none
 * is, or when the ranking could rate another higher (context of white space alone, which a
 * place may match approximately but never vouches for, or no context at all).
 */
function nearestPerfect(
  text: string,
  { prefix, suffix }: Quote,
  candidates: readonly Candidate[],
  expected: number | undefined,
): Candidate | null {
  if (prefix === '' && suffix === '') return null;
  if ((prefix !== '' && !holdsText(prefix)) || (suffix !== '' && !holdsText(suffix))) return null;
  let best: Candidate | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const { start, end } = candidate;
    if (prefix !== '' && !textAround(text, start - prefix.length - tolerance(prefix), start).includes(prefix))
      continue;
    if (suffix !== '' && !textAround(text, end, end + suffix.length + tolerance(suffix)).includes(suffix))
      continue;
    const distance = expected === undefined ? 0 : Math.abs(start - expected);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Whether the evidence rules out a look-alike (formulaic reports repeat short phrases, and
 * their contexts, often). Any text is convincing when all its stored context agrees, or when
 * it is distinctive and the context on one side agrees (the other side was edited: an ad
 * inserted, a paragraph removed). Verbatim text may also stand with no context if it is the
 * only occurrence and either unmistakable or stored without context. A short phrase with
 * context on one side only is never enough: a table row removed beside it and a row inserted
 * beside it leave the same evidence.
 */
function isConvincing(evidence: ContextEvidence, quote: Quote, verbatim: boolean, alone: boolean): boolean {
  const { agreeing, disagreeing } = evidence;
  if (agreeing > 0 && disagreeing === 0) return true;
  const length = quote.exact.length;
  if (agreeing > 0) return length >= DISTINCTIVE_LENGTH;
  return verbatim && alone && (disagreeing === 0 || length >= UNMISTAKABLE_LENGTH);
}

/**
 * Whether a verbatim candidate has every side of its stored context unchanged beside it, so
 * that no other place can be stronger except by being nearer the expected position.
 */
export function isPerfect(text: string, quote: Quote, candidate: Candidate): boolean {
  const sides = (holdsText(quote.prefix) ? 1 : 0) + (holdsText(quote.suffix) ? 1 : 0);
  const { agreeing, similarity } = contextEvidence(text, candidate, quote);
  return candidate.errors === 0 && agreeing === sides && similarity === sides;
}

function byStrength(a: Judged, b: Judged): number {
  return (
    b.evidence.agreeing - a.evidence.agreeing ||
    a.evidence.disagreeing - b.evidence.disagreeing ||
    a.errors - b.errors ||
    b.evidence.similarity - a.evidence.similarity ||
    a.distance - b.distance
  );
}
