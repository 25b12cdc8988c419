import type { ReportDetails, VisitType } from '../model';
import { councilName } from './council-name';
import { findDateRange, type DateRange } from './dates';
import { letterDates, readLetterKind } from './details-letters';
import { readHeadingGrades, readSifJudgements } from './details-sif';
import { isTableHeader, readGradeTable, type Judgement } from './grade-table';
import { blocks, joinText, type TextLine } from './lines';

export interface DetailsReading {
  details: ReportDetails | null;
  /** How many lines at the start (title, "Inspection dates:", grade table) are the report's front matter. */
  frontMatter: number;
}

const APOSTROPHE = `[’']`;
/** ILACS reports: "Inspection of Devon local authority children’s services". */
const ILACS_TITLE = new RegExp(`^Inspection of (.+?) local authority children${APOSTROPHE}s services$`, 'i');
/** Early ILACS reports: "Devon County Council" over "Inspection of children’s social care services". */
const COUNCIL_TITLE = new RegExp(
  `^(.+?) (?:Re-)?inspection of children${APOSTROPHE}s social care services`,
  'i',
);
/** The single inspection framework names its subject under the council's name on the cover. */
const SIF_SUBJECT =
  /\b(?:Re-)?inspection of services for children in need of help and protection,? children looked after and care leavers/i;
/** Before November 2013: "Inspection of looked after children services" over "Kent County Council". */
const PRE_SIF_TITLE =
  /^Inspection of (safeguarding and looked after children|looked after children|safeguarding) services:? (.+)$/i;
/** "Joint area review: Haringey Children’s Services Authority Area", and its progress inspections. */
const JOINT_AREA_REVIEW = new RegExp(
  `^(?:Joint area review:? (?:of )?(.+?)(?: Children${APOSTROPHE}s Services Authority Area)?|Inspection of progress made in the provision of .+? services in (.+))$`,
  'i',
);
const AREA_SEND_TITLE = /^Area SEND inspection of (.+)$/i;
const DATES_LABEL = /^(?:inspection|visit) dates?:/i;
/** Where a cover prints no inspection dates (joint area reviews), its publication date is what it says of itself. */
const PUBLISHED = /^Published:\s*(.+)$/i;
/** On-site weeks: one for a short inspection, two for a standard one (ILACS framework). */
const SHORT_INSPECTION_MAX_DAYS = 7;

interface Kind {
  localAuthority: string;
  /** Undefined for an ILACS inspection, whose dates tell short from standard. */
  visitType?: VisitType;
  judgements?: Judgement[];
  outcome?: string;
  /** Where in the page text the document names itself (dates follow it in letters). */
  at: number;
  /** Reports whose whole first page is a cover (its grades are no part of the text). */
  coverPage?: true;
  /** Whether a publication date may stand for the inspection dates. */
  datedByPublication?: true;
}

/** Reads what the report says about itself, from its first page (and, for older frameworks, its headings). */
export function readReportDetails(lines: TextLine[], body: number): DetailsReading {
  const firstPage = lines.filter((line) => line.page === lines[0]?.page);
  let i = 0;
  // Small print above the title ("Local area partnership report") belongs to the front matter.
  const titleStart = firstPage.findIndex((line) => line.size >= body + 3);
  if (titleStart > 0 && firstPage.slice(0, titleStart).every((l) => l.size < body - 0.5 || isPageNumber(l)))
    i = titleStart;
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
    if (DATES_LABEL.test(label.text.trim())) datesText ??= joinText(block);
  }
  datesText ??= firstPage.find((line) => DATES_LABEL.test(line.text.trim()))?.text;
  let judgements: Judgement[] = [];
  const header = firstPage[i];
  if (header && isTableHeader(header)) ({ judgements, end: i } = readGradeTable(firstPage, i, header));

  const pageText = joinText(firstPage.map((line) => line.text));
  const titleText = joinText(title);
  const kind: Kind | null =
    readTitleKind(titleText, pageText, lines, body) ?? readLetterKind(firstPage, pageText);
  if (kind?.coverPage) i = firstPage.length;
  const dates =
    findDateRange(datesText ?? '') ??
    (kind?.datedByPublication ? publicationDate(firstPage) : null) ??
    (kind ? letterDates(pageText, kind.at) : null);
  if (!kind || !dates) return { details: null, frontMatter: i };
  return {
    details: {
      localAuthority: kind.localAuthority,
      visitType: kind.visitType ?? inspectionType(dates),
      inspectionDates: { text: dates.text, start: dates.start, end: dates.end },
      judgements: kind.judgements ?? judgements,
      ...(kind.outcome ? { outcome: kind.outcome } : {}),
    },
    frontMatter: i,
  };
}

/** Reports with a title page name the council and the kind of inspection in the title. */
function readTitleKind(title: string, pageText: string, lines: TextLine[], body: number): Kind | null {
  const ilacs = ILACS_TITLE.exec(title) ?? COUNCIL_TITLE.exec(title);
  if (ilacs) return { localAuthority: councilName(ilacs[1]!), at: 0 };
  const firstPage = lines.filter((line) => line.page === lines[0]?.page);
  if (title && SIF_SUBJECT.test(pageText))
    return {
      localAuthority: councilName(title),
      visitType: 'single inspection framework inspection',
      judgements: readSifJudgements(firstPage, lines, body),
      at: 0,
      coverPage: true,
    };
  const preSif = PRE_SIF_TITLE.exec(title);
  if (preSif)
    return {
      localAuthority: councilName(preSif[2]!),
      visitType: /^looked/i.test(preSif[1]!) ? 'looked after children inspection' : 'safeguarding inspection',
      judgements: readHeadingGrades(lines, body),
      at: 0,
    };
  const review = JOINT_AREA_REVIEW.exec(title);
  if (review)
    return {
      localAuthority: councilName(review[1] ?? review[2]!),
      visitType: 'joint area review',
      judgements: [],
      at: 0,
      datedByPublication: true,
    };
  const send = AREA_SEND_TITLE.exec(title);
  if (send)
    return {
      localAuthority: councilName(send[1]!),
      visitType: 'area SEND inspection',
      judgements: [],
      outcome: readOutcome(firstPage),
      at: 0,
    };
  return null;
}

/** Area SEND: the first sentence under "Inspection outcome", which is one of the framework's three outcomes. */
function readOutcome(firstPage: TextLine[]): string | undefined {
  const found = blocks(firstPage).map((block) => joinText(block.map((line) => line.text)));
  const heading = found.findIndex((text) => /^Inspection outcome$/i.test(text));
  const text = heading >= 0 ? found[heading + 1] : undefined;
  return text?.match(/^.+?\.(?=\s+[A-Z]|$)/)?.[0] ?? text;
}

function publicationDate(firstPage: TextLine[]): DateRange | null {
  for (const line of firstPage) {
    const published = PUBLISHED.exec(line.text.trim());
    if (published) return findDateRange(published[1]!);
  }
  return null;
}

function inspectionType(dates: DateRange): VisitType {
  return dates.longestStretchDays <= SHORT_INSPECTION_MAX_DAYS ? 'short inspection' : 'standard inspection';
}

function isPageNumber(line: TextLine): boolean {
  return /^\s*\d+\s*$/.test(line.text);
}
