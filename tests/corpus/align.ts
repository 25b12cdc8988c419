// Where the words of one version of a text went in another: a word-level diff (Myers), with
// short runs of common words inside rewritten passages counted as rewritten too. Used only to
// compute the edit corpus's expected results, independently of lib/anchoring.

/** A run of words: equal in both texts, or changed (removed, inserted or rewritten). */
export interface Hunk {
  equal: boolean;
  /** Words [from, to) of the original and [editedFrom, editedTo) of the edited text. */
  from: number;
  to: number;
  editedFrom: number;
  editedTo: number;
}

export interface Words {
  words: string[];
  /** Character offset of each word's start; `ends[i]` its end. */
  starts: number[];
  ends: number[];
}

/** The words of a normalised text (single spaces, no edge spaces). */
export function wordsOf(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    words.push(match[0]);
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { words, starts, ends };
}

/** The hunks that turn `a` into `b`, in order, covering both. */
export function alignWords(a: readonly string[], b: readonly string[]): Hunk[] {
  const pairs = commonWords(a, b);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  const push = (equal: boolean, to: number, editedTo: number) => {
    if (to === i && editedTo === j) return;
    const last = hunks[hunks.length - 1];
    if (last && last.equal === equal) {
      last.to = to;
      last.editedTo = editedTo;
    } else {
      hunks.push({ equal, from: i, to, editedFrom: j, editedTo });
    }
    i = to;
    j = editedTo;
  };
  for (const [x, y] of pairs) {
    push(false, x, y);
    push(true, x + 1, y + 1);
  }
  push(false, a.length, b.length);
  return absorbShortEqualities(hunks, a, b);
}

/**
 * Common words of a and b in order (a longest common subsequence), by Myers' O(ND) diff after
 * trimming the common start and end.
 */
function commonWords(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  for (const [x, y] of middle) pairs.push([x + head, y + head]);
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

function myers(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk back through the saved rows to recover the matched pairs.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    if (d > 0) {
      x = previousX;
      y = previousY;
    }
  }
  return pairs.reverse();
}

/**
 * A run of common words no longer (in characters) than the changes on both sides of it is
 * part of a rewrite ("Most care leavers in custody" → "nearly all of the care leavers now held
 * in custody"), not text that stayed where it was: as in diff-match-patch's semantic cleanup.
 */
function absorbShortEqualities(hunks: Hunk[], a: readonly string[], b: readonly string[]): Hunk[] {
  const chars = (words: readonly string[], from: number, to: number) =>
    words.slice(from, to).reduce((sum, w) => sum + w.length + 1, 0);
  const changed = (h: Hunk) => Math.max(chars(a, h.from, h.to), chars(b, h.editedFrom, h.editedTo));
  for (let i = 1; i + 1 < hunks.length; i++) {
    const [before, equal, after] = [hunks[i - 1]!, hunks[i]!, hunks[i + 1]!];
    if (!equal.equal || before.equal || after.equal) continue;
    const length = chars(a, equal.from, equal.to);
    if (length > changed(before) || length > changed(after)) continue;
    hunks.splice(i - 1, 3, {
      equal: false,
      from: before.from,
      to: after.to,
      editedFrom: before.editedFrom,
      editedTo: after.editedTo,
    });
    i = Math.max(0, i - 2); // the merged change may now absorb its neighbours
  }
  return hunks;
}

/**
 * What an original word became: an edited word (`word`), part of a rewritten stretch of
 * edited words [from, to), or nothing (removed).
 */
export type Fate = { word: number } | { from: number; to: number } | null;

/**
 * The fate of each original word. Words of equal runs pair in order. Inside a change, a word
 * pairs with a similar but not identical word, in order (a fixed typo, a straight quotation
 * mark made curly; identical words left inside a change were judged part of a rewrite above);
 * between those pairs, original words facing edited ones were rewritten into them ("don’t"
 * into "do not"), and original words facing none were removed.
 */
export function fatesOf(hunks: readonly Hunk[], a: readonly string[], b: readonly string[]): Fate[] {
  const fates: Fate[] = a.map(() => null);
  for (const h of hunks) {
    if (h.equal) {
      for (let i = h.from; i < h.to; i++) fates[i] = { word: h.editedFrom + (i - h.from) };
      continue;
    }
    const pairs = similarPairs(a.slice(h.from, h.to), b.slice(h.editedFrom, h.editedTo));
    let [i, j] = [h.from, h.editedFrom];
    for (const [x, y] of [...pairs.map(([x, y]) => [h.from + x, h.editedFrom + y]), [h.to, h.editedTo]]) {
      // Original words i..x face edited words j..y.
      for (let k = i; k < x!; k++) fates[k] = j < y! ? { from: j, to: y! } : null;
      if (x! < h.to) fates[x!] = { word: y! };
      [i, j] = [x! + 1, y! + 1];
    }
  }
  return fates;
}

/** The most pairs of similar (not identical) words, in order, by dynamic programming. */
function similarPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const similar = (x: string, y: string) => {
    const limit = Math.floor(Math.max(x.length, y.length) / 4);
    return x !== y && editDistance(x, y, limit) <= limit;
  };
  // best[i][j]: most pairs among a[i..] and b[j..].
  const best = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const paired = similar(a[i]!, b[j]!) ? 1 + best[i + 1]![j + 1]! : 0;
      best[i]![j] = Math.max(paired, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (best[i]![j] === best[i + 1]![j]) i++;
    else if (best[i]![j] === best[i]![j + 1]) j++;
    else pairs.push([i++, j++]);
  }
  return pairs;
}

/**
 * Where original words [first, last] are in the edited text, as edited word indexes
 * [first, last], or null when they were all removed: words removed at either end are left
 * out; an end word that was rewritten maps to the outer edge of its rewrite.
 */
export function mapWords(fates: readonly Fate[], first: number, last: number): [number, number] | null {
  let from = first;
  while (from <= last && fates[from] === null) from++;
  let to = last;
  while (to >= from && fates[to] === null) to--;
  if (from > to) return null;
  const start = fates[from]!;
  const end = fates[to]!;
  return ['word' in start ? start.word : start.from, 'word' in end ? end.word : end.to - 1];
}

/** Edit distance (Levenshtein) between two strings, or `limit + 1` once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return Math.min(previous[b.length]!, limit + 1);
}
