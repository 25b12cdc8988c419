/**
 * Edit distance (Levenshtein) between a and b, or `limit + 1` if it is larger: only the band
 * of the table within `limit` of the diagonal is filled, so it costs length × limit.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous = new Int32Array(b.length + 2).fill(over);
  let row = new Int32Array(b.length + 2).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Cells just outside the band hold `over` (or the first column's i).
    row[from - 1] = from === 1 && i <= limit ? i : over;
    row[to + 1] = over;
    let best = row[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost, over);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return over;
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}
