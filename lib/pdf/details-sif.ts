// The single inspection framework (2013–2018) and the inspections before it print their grades
// in prose and headings rather than in a grade table.
import { readGradeRows, type Judgement } from './grade-table';
import { blocks, continuesBlock, joinText, type TextLine } from './lines';

const APOSTROPHE = `[’']`;
/** The cover's opening verdict: "The overall judgement is that children’s services require improvement". */
const OVERALL = new RegExp(
  `The overall judgement is that children${APOSTROPHE}s services (?:are |is )?(requires? improvement|inadequate|good|outstanding)`,
  'i',
);
/** The cover's list of sub-judgements follows this sentence. */
const LIST_INTRODUCTION = /^The judgements on areas of the service that contribute to overall effectiveness/i;
/** The review of the safeguarding board printed in the same report: "The Local Safeguarding Children Board is inadequate". */
const BOARD_VERDICT =
  /^The Local Safeguarding Children Board (?:\(LSCB\) )?(?:is |are )?(requires? improvement|inadequate|good|outstanding)\.?$/i;
/** Before November 2013 each judgement heading is followed by its grade: "Grade 3 (Adequate)". */
export const GRADE_LINE = /^Grade \d \([A-Za-z ]+\)$/;

/** The overall verdict, the sub-judgements listed under it on the cover, and the board's verdict. */
export function readSifJudgements(firstPage: TextLine[], allLines: TextLine[], body: number): Judgement[] {
  const judgements: Judgement[] = [];
  const coverText = joinText(firstPage.map((line) => line.text));
  const overall = OVERALL.exec(coverText);
  if (overall) judgements.push({ judgement: 'Overall effectiveness', grade: gradeName(overall[1]!) });
  judgements.push(...readJudgementList(firstPage, body));
  for (const block of blocks(allLines)) {
    const board = BOARD_VERDICT.exec(joinText(block.map((line) => line.text)));
    if (board && block[0]!.size > body) {
      judgements.push({ judgement: 'Local Safeguarding Children Board', grade: gradeName(board[1]!) });
      break;
    }
  }
  return judgements;
}

/** Rows of "2.1 Adoption performance     Good" between the list's introduction and the footnotes. */
function readJudgementList(firstPage: TextLine[], body: number): Judgement[] {
  const start = firstPage.findIndex((line) => LIST_INTRODUCTION.test(line.text.trim()));
  if (start < 0) return [];
  const rows: TextLine[] = [];
  for (const line of firstPage.slice(start + 1)) {
    if (line.textItems.length && line.size < body - 0.5) break;
    rows.push(line);
  }
  const left = Math.min(...rows.filter((l) => l.textItems.length).map((l) => l.x));
  // The grade column: the leftmost text set well clear of the judgements' margin.
  const gradeX = Math.min(...rows.flatMap((l) => l.textItems.map((t) => t.x)).filter((x) => x > left + 150));
  return Number.isFinite(gradeX) ? readGradeRows(rows, gradeX) : [];
}

/** "require improvement" (the verdict's verb agrees with "services") is the grade "Requires improvement". */
function gradeName(printed: string): string {
  const grade = printed.replace(/^requires? improvement$/i, 'requires improvement');
  return grade.charAt(0).toUpperCase() + grade.slice(1).toLowerCase();
}

/** Each heading followed by its "Grade 3 (Adequate)" line, grades kept as printed. */
export function readHeadingGrades(lines: TextLine[], body: number): Judgement[] {
  const judgements: Judgement[] = [];
  lines.forEach((line, i) => {
    const grade = line.text.trim();
    if (!GRADE_LINE.test(grade) || line.size < body) return;
    const heading: TextLine[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const previous = lines[j]!;
      if (previous.textItems.length === 0) continue;
      if (previous.size <= line.size) break;
      if (heading.length && !continuesBlock(previous, heading[0]!)) break;
      heading.unshift(previous);
    }
    if (heading.length) judgements.push({ judgement: joinText(heading.map((l) => l.text)), grade });
  });
  return judgements;
}
