// Focused-visit, monitoring-visit and joint targeted area inspection (JTAI) letters: no title
// page and no grades; the visit, the council and the dates are named in a heading or the first
// sentences.
import type { VisitType } from '../model';
import { councilName } from './council-name';
import { DATE_RANGE, DAY_MONTH_RANGE, findDateRange, type DateRange } from './dates';
import { blocks, joinText, type TextLine } from './lines';

const APOSTROPHE = `[’']`;
/** "Joint targeted area inspection of the multi-agency response to … in Devon" (or "… of Devon"). */
const JTAI_HEADING = /^Joint targeted area inspection of (?:.+ in )?([A-Z].*)$/;
/**
 * "Focused visit to Devon children’s services", "… the monitoring visit to Devon children’s services on …".
 * The council's name never runs into "children’s services" itself: Camden's heading names no council
 * ("Focused visit to children’s services") and its first sentence does.
 */
const LETTER = new RegExp(
  `\\b(focused|monitoring) visit (?:to|of) ((?:(?!children${APOSTROPHE}s services).)+?)(?: local authority)? children${APOSTROPHE}s services`,
  'i',
);
const LETTER_DATES = new RegExp(`\\b(?:on|between|from)\\s+(${DATE_RANGE})`, 'i');
/** JTAI letters of 2016–2017 may leave the year out: "Between 20 and 24 June, Ofsted …". */
const LETTER_DAYS = new RegExp(`\\b(?:on|between|from)\\s+(${DAY_MONTH_RANGE})`, 'i');
const FULL_DATE = new RegExp(`(?<!\\d)${DATE_RANGE}`);

export interface LetterKind {
  localAuthority: string;
  visitType: VisitType;
  /** Where in the page text the letter names the visit (its dates follow). */
  at: number;
}

/** Letters name the visit in a heading or their first sentence. */
export function readLetterKind(lines: TextLine[], text: string): LetterKind | null {
  for (const block of blocks(lines)) {
    const heading = joinText(block.map((line) => line.text));
    const jtai = JTAI_HEADING.exec(heading);
    if (jtai)
      return {
        localAuthority: councilName(jtai[1]!),
        visitType: 'joint targeted area inspection',
        at: text.indexOf(heading),
      };
  }
  const letter = LETTER.exec(text);
  if (!letter) return null;
  const visitType = letter[1]!.toLowerCase() === 'focused' ? 'focused visit' : 'monitoring visit';
  return { localAuthority: councilName(letter[2]!), visitType, at: letter.index };
}

/** The visit's dates, in the first sentences after the letter names the visit. */
export function letterDates(text: string, from: number): DateRange | null {
  const after = text.slice(from);
  const match = LETTER_DATES.exec(after);
  if (match) return findDateRange(match[1]!);
  const days = LETTER_DAYS.exec(after);
  const letterDate = findDateRange(FULL_DATE.exec(text)?.[0] ?? '');
  return days && letterDate ? inYearBefore(days[1]!, letterDate.start) : null;
}

/** Dates printed without a year fall in the year up to the letter's own date (a December visit, a January letter). */
function inYearBefore(printed: string, letterDate: string): DateRange | null {
  const year = Number(letterDate.slice(0, 4));
  for (const candidate of [year, year - 1]) {
    const range = findDateRange(`${printed} ${candidate}`);
    if (range && range.end <= letterDate) return { ...range, text: printed };
  }
  return null;
}
