// Inspection dates as Ofsted prints them: "12 to 16 January 2026",
// "30 September to 11 October 2024 and 13 to 16 January 2025", "20 January 2020 to 31 January 2020".

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH = `(?:${MONTHS.join('|')})`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE = `${DAY}(?:\\s+${MONTH})?(?:\\s+\\d{4})?`;
const SEPARATOR = '\\s*(?:to|and|until|–|—|-|,)\\s*';
/** Day-and-month parts joined by "to", "and" or dashes, ending with a full date. */
export const DATE_RANGE = `(?:${DATE}${SEPARATOR})*${DAY}\\s+${MONTH}\\s+\\d{4}`;
/** The same with no year after the last month ("20 and 24 June,"). */
export const DAY_MONTH_RANGE = `(?:${DAY}(?:\\s+${MONTH})?${SEPARATOR})*${DAY}\\s+${MONTH}(?!\\s*\\d)`;

export interface DateRange {
  text: string;
  start: string;
  end: string;
  /** Days from first to last day of the longest continuous stretch ("A to B"). */
  longestStretchDays: number;
}

interface Day {
  day: number;
  month?: number;
  year?: number;
}

/** Reads the first date range in text, or null. */
export function findDateRange(text: string): DateRange | null {
  const match = new RegExp(`(?<!\\d)${DATE_RANGE}`, 'i').exec(text);
  if (!match) return null;
  const printed = match[0];
  // "13 to 16 January 2025": a part without month or year takes them from the next part that has one.
  const stretches = printed
    .split(/\s*(?:\band\b|,)\s*/i)
    .map((s) => s.split(/\s*(?:\bto\b|\buntil\b|–|—|-)\s*/i).map(readDay));
  const days = stretches.flat();
  for (let i = days.length - 2; i >= 0; i--) {
    days[i]!.month ??= days[i + 1]!.month;
    days[i]!.year ??= days[i + 1]!.year;
  }
  const dates = stretches.map((stretch) => stretch.map(toDate));
  const flat = dates.flat();
  if (flat.some((d) => Number.isNaN(d.getTime()))) return null;
  const longestStretchDays = Math.max(
    ...dates.map((s) => (s[s.length - 1]!.getTime() - s[0]!.getTime()) / 86_400_000 + 1),
  );
  return {
    text: printed,
    start: isoDate(flat[0]!),
    end: isoDate(flat[flat.length - 1]!),
    longestStretchDays,
  };
}

function readDay(part: string): Day {
  const [, day, month, year] = /(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?/.exec(part) ?? [];
  const monthIndex = month ? MONTHS.findIndex((m) => m.toLowerCase() === month.toLowerCase()) : -1;
  return {
    day: Number(day),
    month: monthIndex >= 0 ? monthIndex + 1 : undefined,
    year: year ? Number(year) : undefined,
  };
}

function toDate({ day, month, year }: Day): Date {
  return new Date(Date.UTC(year ?? NaN, (month ?? NaN) - 1, day));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
