// An index of where each 4-character gram of a text occurs, built once per text (lazily, only
// when a fuzzy search needs it), so that a search for an edited quote looks only where it may
// be instead of running over the whole text for every orphan.

const Q = 4;
/** At most this many buckets (a 1 MB page); a short page gets about one a character. */
const MAX_BUCKETS = 1 << 18;
const MIN_BUCKETS = 1 << 10;
/** 31 ** (Q - 1): what a gram's first character weighs in its hash. */
const DROP = 31 ** (Q - 1);

function gramAt(s: string, i: number, mask: number): number {
  let h = s.charCodeAt(i);
  for (let k = 1; k < Q; k++) h = Math.imul(h, 31) + s.charCodeAt(i + k);
  return h & mask; // grams that share a bucket only add candidates, never lose one
}

export class GramIndex {
  /** positions[first[b], first[b + 1]) are the starts of bucket b's grams, in order. */
  private readonly first: Int32Array;
  private readonly positions: Int32Array;
  /** Buckets - 1 (a power of two): sized to the text, so an index of a short page is quick to build. */
  private readonly mask: number;

  constructor(readonly text: string) {
    const count = Math.max(0, text.length - Q + 1);
    let buckets = MIN_BUCKETS;
    while (buckets < count && buckets < MAX_BUCKETS) buckets <<= 1;
    const mask = (this.mask = buckets - 1);
    const first = (this.first = new Int32Array(buckets + 1));
    const grams = new Int32Array(count);
    // A rolling hash: the same value as gramAt, for a multiply and an add a character.
    let h = 0;
    for (let k = 0; k < Q && k < text.length; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    const last = count - 1; // no character follows the last gram: read none past the end
    for (let i = 0; i < last; i++) {
      const bucket = h & mask;
      grams[i] = bucket;
      first[bucket + 1]!++;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), DROP), 31) + text.charCodeAt(i + Q)) | 0;
    }
    if (last >= 0) first[(grams[last] = h & mask) + 1]!++;
    for (let b = 0; b < buckets; b++) first[b + 1]! += first[b]!;
    const next = first.slice(0, buckets);
    this.positions = new Int32Array(count);
    for (let i = 0; i < count; i++) this.positions[next[grams[i]!]!++] = i;
  }

  /**
   * Stretches of the text that may hold `pattern` with at most `maxErrors` edits, merged and
   * in order; only those starting in [from, to) when given. Each edit destroys at most four
   * of the pattern's grams, so a match keeps at least (length + 1 - 4 × (maxErrors + 1)) of
   * them, each within maxErrors of its place (the q-gram lemma): places where fewer occur are
   * skipped. Null when the pattern is too short for its error budget to rule anything out.
   */
  regions(
    pattern: string,
    maxErrors: number,
    from = 0,
    to = this.text.length,
  ): Array<[number, number]> | null {
    const m = pattern.length;
    let needed = m + 1 - Q * (maxErrors + 1);
    if (needed <= 0) return null;
    // Votes by where the pattern would start, in bins of 2k + 1: a match's votes fall in two bins.
    const width = 2 * maxErrors + 1;
    const base = from - maxErrors; // bin 0 starts here
    const bins = new Int32Array(Math.ceil((to - base + maxErrors + 1) / width) + 1);
    const voter = new Int32Array(bins.length).fill(-1); // each pattern gram votes once per bin
    const touched: number[] = [];
    // The commonest grams cost the most votes and tell the least: leave out as many as keeps
    // half the votes needed (a match then still shows at least the other half).
    const grams = Array.from({ length: m - Q + 1 }, (_, i) => ({ i, bucket: gramAt(pattern, i, this.mask) }));
    const size = (b: number) => this.first[b + 1]! - this.first[b]!;
    grams.sort((a, b) => size(a.bucket) - size(b.bucket));
    const skipped = Math.floor(needed / 2);
    needed -= skipped;
    for (const { i, bucket } of grams.slice(0, grams.length - skipped)) {
      const end = this.first[bucket + 1]!;
      // Grams occurring where the pattern would start in [from - maxErrors, to + maxErrors].
      for (let j = this.lowerBound(bucket, from + i - maxErrors); j < end; j++) {
        const start = this.positions[j]! - i;
        if (start > to + maxErrors) break;
        const bin = Math.floor((start - base) / width);
        if (voter[bin] === i) continue;
        voter[bin] = i;
        if (bins[bin] === 0) touched.push(bin);
        bins[bin]!++;
      }
    }
    const regions: Array<[number, number]> = [];
    for (const bin of touched.sort((a, b) => a - b)) {
      if (bins[bin]! + (bins[bin + 1] ?? 0) < needed) continue;
      const start = Math.max(0, base + bin * width - maxErrors);
      const end = Math.min(this.text.length, base + (bin + 2) * width + m + 2 * maxErrors);
      const last = regions[regions.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else regions.push([start, end]);
    }
    return regions;
  }

  /** The first index in bucket b whose position is at least `position`. */
  private lowerBound(bucket: number, position: number): number {
    let low = this.first[bucket]!;
    let high = this.first[bucket + 1]!;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.positions[mid]! < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
