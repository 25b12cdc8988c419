// Scoring an anchor: right (the expected words, at the expected place when it is known),
// wrong (painted on other words: even one character off counts), or orphan (not found).
// Text is compared without white space, since the systems render block boundaries and
// collapsed spaces differently.

export type Verdict = 'right' | 'wrong' | 'orphan';

export interface Expectation {
  /** null: the passage is gone and the annotation should be an orphan. */
  text: string | null;
  /** Where the passage is, when known (the long page, which does not change). */
  range?: Range;
  /** Where the passage starts in the page's normalised text (our index's), when the corpus says. */
  start?: number;
}

/** `start` of the found range in the normalised text, for expectations that give one. */
export type Locate = (found: Range) => number | null;

const squash = (s: string) => s.replace(/\s+/g, '');

export function verdict(found: Range | null, expected: Expectation, locate?: Locate): Verdict {
  if (!found) return 'orphan';
  if (expected.text === null || squash(found.toString()) !== squash(expected.text)) return 'wrong';
  if (expected.range && !overlaps(found, expected.range)) return 'wrong';
  if (expected.start !== undefined && locate) {
    const start = locate(found);
    if (start === null || Math.abs(start - expected.start) > 1) return 'wrong'; // 1: a collapsed space
  }
  return 'right';
}

function overlaps(a: Range, b: Range): boolean {
  // a starts before b ends, and a ends after b starts.
  return (
    a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0
  );
}

export interface Tally {
  right: number;
  wrong: number;
  orphan: number;
}

export function tally(verdicts: readonly Verdict[]): Tally {
  const counts: Tally = { right: 0, wrong: 0, orphan: 0 };
  for (const v of verdicts) counts[v]++;
  return counts;
}
