// Words the briefings (Markdown and Word) share: dates as people write them, counts and pages.

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** "2025-01-16" (or a full ISO time) → "16 January 2025"; null if it is not a date. */
export function longDateOf(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match && MONTHS[Number(match[2]) - 1];
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : null;
}

/** yyyy-mm-dd in the user's time zone, as they would date the briefing. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "1 quote", "5 quotes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "page 4", or "pages 4–5" for a quote across pages. */
export function pages(page: number, pageEnd: number | undefined): string {
  return pageEnd !== undefined && pageEnd !== page ? `pages ${page}–${pageEnd}` : `page ${page}`;
}
