import type { ReportDetails, VisitType } from '../model';
import { DATE_RANGE, findDateRange, type DateRange } from './dates';
import { blocks, joinText, type TextLine } from './lines';

export interface DetailsReading {
  details: ReportDetails | null;
  /** How many lines at the start (title, "Inspection dates:", grade table) are the report's front matter. */
  frontMatter: number;
}

type Judgement = ReportDetails['judgements'][number];

const APOSTROPHE = `[’']`;
/** ILACS reports: "Inspection of Devon local authority children’s services". */
const ILACS_TITLE = new RegExp(`^Inspection of (.+?) local authority children${APOSTROPHE}s services$`, 'i');
/** Earlier reports: "Devon County Council" over "Inspection of children’s social care services". */
const COUNCIL_TITLE = new RegExp(
  `^(.+?) (?:Re-)?inspection of (?:children${APOSTROPHE}s social care services|services for children)`,
  'i',
);
/** "Joint targeted area inspection of the multi-agency response to … in Devon" (or "… of Devon"). */
const JTAI_HEADING = /^Joint targeted area inspection of (?:.+ in )?([A-Z].*)$/;
/** Letters: "Focused visit to Devon children’s services", "… the monitoring visit to Devon children’s services on …". */
const LETTER = new RegExp(
  `\\b(focused|monitoring) visit (?:to|of) (.+?)(?: local authority)? children${APOSTROPHE}s services`,
  'i',
);
const LETTER_DATES = new RegExp(`\\b(?:on|between|from)\\s+(${DATE_RANGE})`, 'i');
/** On-site weeks: one for a short inspection, two for a standard one (ILACS framework). */
const SHORT_INSPECTION_MAX_DAYS = 7;

/** Reads what the report says about itself from its first page. */
export function readReportDetails(lines: TextLine[], body: number): DetailsReading {
  const firstPage = lines.filter((line) => line.page === lines[0]?.page);
  let i = 0;
  const title: string[] = [];
  for (
    let line = firstPage[i];
    line && (isPageNumber(line) || line.size >= body + 3);
    line = firstPage[++i]
  ) {
    if (!isPageNumber(line)) title.push(line.text);
  }
  let datesText: string | undefined;
  for (
    let label = firstPage[i];
    label && /^[A-Z][A-Za-z ]{2,30}:/.test(label.text.trim());
    label = firstPage[i]
  ) {
    const block = [label.text];
    // "Lead inspector: Steve Lowe" may go on under its value: "Her Majesty’s Inspector".
    for (
      let line = firstPage[++i];
      line && line.x > label.x + 20 && line.size === label.size;
      line = firstPage[++i]
    )
      block.push(line.text);
    if (/^(?:inspection|visit) dates?:/i.test(label.text.trim())) datesText = joinText(block);
  }
  let judgements: Judgement[] = [];
  const header = firstPage[i];
  if (header && isTableHeader(header)) ({ judgements, end: i } = readGradeTable(firstPage, i, header));

  const pageText = joinText(firstPage.map((line) => line.text));
  const titleText = joinText(title);
  const kind = readKind(titleText) ?? readLetterKind(firstPage, pageText);
  const dates = findDateRange(datesText ?? '') ?? (kind ? letterDates(pageText, kind.at) : null);
  if (!kind || !dates) return { details: null, frontMatter: i };
  return {
    details: {
      localAuthority: kind.localAuthority,
      visitType: kind.visitType ?? inspectionType(dates),
      inspectionDates: { text: dates.text, start: dates.start, end: dates.end },
      judgements,
    },
    frontMatter: i,
  };
}

interface Kind {
  localAuthority: string;
  /** Undefined for a full inspection, whose dates tell short from standard. */
  visitType?: VisitType;
  /** Where in the page text the report names itself (dates follow it in letters). */
  at: number;
}

function readKind(title: string): Kind | null {
  const ilacs = ILACS_TITLE.exec(title) ?? COUNCIL_TITLE.exec(title);
  return ilacs ? { localAuthority: councilName(ilacs[1]!), at: 0 } : null;
}

/** Letters name the visit in a heading or their first sentence. */
function readLetterKind(lines: TextLine[], text: string): Kind | null {
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

function letterDates(text: string, from: number): DateRange | null {
  const match = LETTER_DATES.exec(text.slice(from));
  return match ? findDateRange(match[1]!) : null;
}

function inspectionType(dates: DateRange): VisitType {
  return dates.longestStretchDays <= SHORT_INSPECTION_MAX_DAYS ? 'short inspection' : 'standard inspection';
}

/** "Devon County Council" → "Devon". */
function councilName(name: string): string {
  return name
    .replace(/\s+local authority$/i, '')
    .replace(
      /\s+(?:(?:County|City|Borough|District|Metropolitan Borough|Metropolitan District) )?Council$/i,
      '',
    )
    .trim();
}

function isPageNumber(line: TextLine): boolean {
  return /^\s*\d+\s*$/.test(line.text);
}

function isTableHeader(line: TextLine): boolean {
  return line.textItems.map((t) => t.str.trim()).join(' ') === 'Judgement Grade';
}

/**
 * Reads the grade table's rows, cells whose text wraps over lines included. Word writes each row's
 * judgement cell before its grade cell, so judgement text after grade text starts the next row.
 */
function readGradeTable(
  lines: TextLine[],
  headerIndex: number,
  header: TextLine,
): { judgements: Judgement[]; end: number } {
  const left = header.textItems[0]!.x;
  const gradeX = header.textItems[header.textItems.length - 1]!.x;
  const judgements: Judgement[] = [];
  let judgement: string[] = [];
  let grade: string[] = [];
  const endRow = () => {
    if (judgement.length && grade.length)
      judgements.push({ judgement: joinText(judgement), grade: joinText(grade) });
    judgement = [];
    grade = [];
  };
  let i = headerIndex + 1;
  for (let line = lines[i]; line; line = lines[++i]) {
    if (line.textItems.length === 0) continue;
    // Body text after the table starts further left or runs across the grade column.
    const inTable =
      line.x >= left - 2 && line.textItems.every((t) => t.x >= gradeX - 2 || t.x + t.width <= gradeX + 2);
    if (!inTable) break;
    const inGrade = (x: number) => x >= gradeX - 2;
    const judgementPart = line.items
      .filter((t) => !inGrade(t.x))
      .map((t) => t.str)
      .join('');
    const gradePart = line.items
      .filter((t) => inGrade(t.x))
      .map((t) => t.str)
      .join('');
    if (judgementPart.trim()) {
      if (grade.length) endRow();
      judgement.push(judgementPart);
    }
    if (gradePart.trim()) grade.push(gradePart);
  }
  endRow();
  return { judgements, end: i };
}
