import type { ReportDetails } from '../model';
import { joinText, type TextLine } from './lines';

export type Judgement = ReportDetails['judgements'][number];

/** An ILACS grade table's header row. */
export function isTableHeader(line: TextLine): boolean {
  return line.textItems.map((t) => t.str.trim()).join(' ') === 'Judgement Grade';
}

/** Reads an ILACS grade table from its header row to the body text after it. */
export function readGradeTable(
  lines: TextLine[],
  headerIndex: number,
  header: TextLine,
): { judgements: Judgement[]; end: number } {
  const left = header.textItems[0]!.x;
  const gradeX = header.textItems[header.textItems.length - 1]!.x;
  let end = headerIndex + 1;
  for (let line = lines[end]; line; line = lines[++end]) {
    if (line.textItems.length === 0) continue;
    // Body text after the table starts further left or runs across the grade column.
    const inTable =
      line.x >= left - 2 && line.textItems.every((t) => t.x >= gradeX - 2 || t.x + t.width <= gradeX + 2);
    if (!inTable) break;
  }
  return { judgements: readGradeRows(lines.slice(headerIndex + 1, end), gradeX), end };
}

/**
 * Reads rows of judgement and grade cells, cells whose text wraps over lines included. Word
 * writes each row's judgement cell before its grade cell, so judgement text after grade text
 * starts the next row. The list numbers of the 2013 framework ("1.", "2.1") are left out.
 */
export function readGradeRows(lines: TextLine[], gradeX: number): Judgement[] {
  const judgements: Judgement[] = [];
  let judgement: string[] = [];
  let grade: string[] = [];
  const endRow = () => {
    const text = joinText(judgement).replace(/^\d+(?:\.\d+)*\.?\s+/, '');
    if (text && grade.length) judgements.push({ judgement: text, grade: joinText(grade) });
    judgement = [];
    grade = [];
  };
  const inGrade = (x: number) => x >= gradeX - 2;
  for (const line of lines) {
    const part = (grade: boolean) =>
      line.items
        .filter((t) => inGrade(t.x) === grade)
        .map((t) => t.str)
        .join('');
    const judgementPart = part(false);
    const gradePart = part(true);
    if (judgementPart.trim()) {
      if (grade.length) endRow();
      judgement.push(judgementPart);
    }
    if (gradePart.trim()) grade.push(gradePart);
  }
  endRow();
  return judgements;
}
