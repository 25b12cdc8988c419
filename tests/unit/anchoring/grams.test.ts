import search from 'approx-string-match';
import { editDistance } from '../../../lib/anchoring/distance';
import { GramIndex } from '../../../lib/anchoring/grams';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { showPage } from './helpers';

/** A deterministic random number generator (a linear congruential one). */
function randomFrom(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `s` with `count` random single-character edits (substitution, insertion or deletion). */
function edit(s: string, count: number, random: () => number): string {
  for (let n = 0; n < count; n++) {
    const at = Math.floor(random() * s.length);
    const kind = Math.floor(random() * 3);
    const letter = 'etaoinshrd '[Math.floor(random() * 11)]!;
    if (kind === 0) s = s.slice(0, at) + letter + s.slice(at + 1);
    else if (kind === 1) s = s.slice(0, at) + letter + s.slice(at);
    else s = s.slice(0, at) + s.slice(at + 1);
  }
  return s;
}

describe('GramIndex', () => {
  const text = buildTextIndex(showPage('report-devon-2025.html').body).text;
  const index = new GramIndex(text);

  it('never leaves out a stretch holding the pattern with up to the edits allowed', () => {
    const random = randomFrom(7);
    for (let n = 0; n < 300; n++) {
      const length = 20 + Math.floor(random() * 200);
      const start = Math.floor(random() * (text.length - length));
      const maxErrors = Math.floor(length / 5);
      const pattern = edit(text.slice(start, start + length), maxErrors, random);
      const regions = index.regions(pattern, maxErrors);
      if (regions === null) continue; // too short to narrow: the caller searches everywhere
      const best = search(text, pattern, maxErrors);
      for (const match of best) {
        expect(regions.some(([a, b]) => a <= match.start && match.end <= b)).toBe(true);
      }
    }
  });

  it('narrows a long text to a few stretches', () => {
    const start = text.indexOf('Placement sufficiency');
    const pattern = edit(text.slice(start, start + 150), 10, randomFrom(3));
    const regions = index.regions(pattern, 30)!;
    const searched = regions.reduce((sum, [a, b]) => sum + b - a, 0);
    expect(searched).toBeLessThan(text.length / 4); // a formulaic report: many stretches look alike
    expect(regions.some(([a, b]) => a <= start && start + 150 <= b)).toBe(true);
  });

  it('looks only where a match would start in a given range', () => {
    const start = text.indexOf('Placement sufficiency');
    const pattern = text.slice(start, start + 100);
    expect(index.regions(pattern, 10, 0, start - 500)).toEqual([]);
    expect(index.regions(pattern, 10, start - 500, start + 500)!.length).toBe(1);
  });
});

describe('editDistance', () => {
  function naive(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length]!;
  }

  it('agrees with the full table up to its limit, and says when the distance is over it', () => {
    const random = randomFrom(11);
    for (let n = 0; n < 500; n++) {
      const a = edit('the local authority and its partners', Math.floor(random() * 6), random);
      const b = edit(a, Math.floor(random() * 12), random);
      const limit = Math.floor(random() * 10);
      const exact = naive(a, b);
      expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
    }
  });
});
