import { GRADE_LINE } from './details-sif';
import { continuesBlock, joinText, type TextLine } from './lines';

/** Where one text item stands in the report. */
export interface ItemPlace {
  paragraph?: number;
  section?: string;
  /** A running header, footer or page number: not part of the report's text. */
  running?: true;
}

const BULLET = /^[◼■▪•●◦−–]$/;
const NUMBER = /^(\d{1,3})\.$/;
/** Headings over what the inspectors ask to be done: the items a briefing quotes verbatim. */
const IMPROVEMENT =
  /^(?:What needs to improve|What does the .+ need to (?:improve|do better)|Areas? for (?:priority )?(?:actions?|improvement)|Priority and immediate action|Priorities for further improvement|Recommendations)\b/i;
/** Ofsted numbers paragraphs 1, 2, 3 …; a jump this far is read as not a paragraph number. */
const MAX_NUMBER_STEP = 5;

/**
 * Gives every item of every line its paragraph and section. Paragraphs are set with a hanging
 * indent: "12." at the margin, the text and its following lines indented; a body line back at
 * the margin ends the paragraph. Headings are set larger or in a bold font at the margin.
 */
export function placeLines(lines: TextLine[], body: number, frontMatter: number): Map<TextLine, ItemPlace[]> {
  const places = new Map<TextLine, ItemPlace[]>();
  const furniture = runningLines(lines, body);
  const backMatter = pagesWithoutBodyText(lines.slice(frontMatter), body, furniture);
  const numbered = lines
    .slice(frontMatter)
    .filter((line) => numberOf(line) !== undefined && isBodySize(line, body));
  const numberX =
    median(numbered.map((line) => line.x)) ?? mostCommonX(lines.filter((l) => isBodySize(l, body)));
  // Left of the paragraphs' indented text: the margin, where numbers, headings and summary text start.
  const indentX = median(numbered.map((line) => line.textItems[1]?.x ?? line.x)) ?? numberX;
  const atMargin = (line: TextLine) => line.x < Math.max(numberX + 5, (numberX + indentX) / 2);
  const hanging = usesHangingIndent(lines, numbered, atMargin);
  const bodyFonts = fontsOfBodyText(lines.slice(frontMatter), numbered, body, furniture);

  let section: string | undefined;
  let improvementHeading: string | undefined;
  let paragraph: number | undefined;
  let lastNumber = 0;
  let previous: TextLine | undefined;
  const place = (line: TextLine, at: ItemPlace) =>
    places.set(
      line,
      line.items.map((_, i) => (i === bulletIndex(line) ? {} : { ...at })),
    );

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (furniture.has(line)) {
      places.set(
        line,
        line.items.map(() => ({ running: true })),
      );
      continue;
    }
    if (i < frontMatter || backMatter.has(line.page)) {
      places.set(
        line,
        line.items.map(() => ({})),
      );
      continue;
    }
    if (line.textItems.length === 0) {
      place(line, { section, paragraph });
      continue;
    }
    const headingLike = (l: TextLine) => atMargin(l) && isHeadingStyled(l, body, bodyFonts);
    if (headingLike(line) && !(previous && continuesBlock(previous, line))) {
      const heading = [line];
      for (
        let next = lines[i + 1];
        next && headingLike(next) && continuesBlock(heading[heading.length - 1]!, next);
        next = lines[i + 1]
      ) {
        heading.push(next);
        i++;
      }
      let name = joinText(heading.map(mainText));
      // Before November 2013 a judgement's heading is followed by its grade: "Capacity to improve" over "Grade 2 (Good)".
      const grade = lines[i + 1];
      if (grade && headingLike(grade) && GRADE_LINE.test(mainText(grade).trim())) {
        name = `${name}: ${mainText(grade).trim()}`;
        heading.push(grade);
        i++;
      }
      // A heading straight under "Areas for priority action" (letters set both alike) names a part of it.
      section = improvementHeading && !IMPROVEMENT.test(name) ? `${improvementHeading} — ${name}` : name;
      improvementHeading = IMPROVEMENT.test(name) ? name : undefined;
      paragraph = undefined;
      for (const l of heading) place(l, { section });
      previous = heading[heading.length - 1]!;
      continue;
    }
    previous = line;
    improvementHeading = undefined;
    if (line.size < body - 1) {
      // Footnotes: part of the section, not of the paragraph they interrupt.
      place(line, { section });
      continue;
    }
    const number = numberOf(line);
    if (number !== undefined && number > lastNumber && number <= lastNumber + MAX_NUMBER_STEP) {
      paragraph = lastNumber = number;
    } else if (hanging && paragraph !== undefined && atMargin(line)) {
      paragraph = undefined;
    }
    place(line, { section, paragraph });
  }
  return places;
}

/** The paragraph number a line starts with ("12." as its own item, or "12. Text"). */
function numberOf(line: TextLine): number | undefined {
  const first = line.textItems[0]?.str.trim() ?? '';
  const match = NUMBER.exec(first) ?? /^(\d{1,3})\.\s/.exec(line.text.trimStart());
  return match ? Number(match[1]) : undefined;
}

function bulletIndex(line: TextLine): number {
  const first = line.textItems[0];
  return first && BULLET.test(first.str.trim()) ? line.items.indexOf(first) : -1;
}

function isBodySize(line: TextLine, body: number): boolean {
  return Math.abs(line.size - body) < 1;
}

/** The line's text without superscripts such as footnote marks. */
function mainText(line: TextLine): string {
  return line.items
    .filter((item) => item.str.trim() === '' || item.height >= 0.8 * line.size)
    .map((item) => item.str)
    .join('');
}

function isHeadingStyled(line: TextLine, body: number, bodyFonts: Set<string>): boolean {
  if (line.textItems.length === 0 || line.size < body - 0.5) return false;
  if (numberOf(line) !== undefined || bulletIndex(line) >= 0) return false;
  const text = mainText(line).trim();
  if (text.length > 200 || /[.,;]$/.test(text)) return false;
  const main = line.textItems.filter((item) => item.height >= 0.8 * line.size);
  return line.size >= body + 1.5 || main.every((item) => !bodyFonts.has(item.fontName));
}

/**
 * Running headers, footers and page numbers: lines set apart from the body size that recur at
 * the same height on several pages (page numbers and dates in them may differ).
 */
function runningLines(lines: TextLine[], body: number): Set<TextLine> {
  const key = (line: TextLine) =>
    `${Math.round(line.y)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
  const pages = new Map<string, Set<number>>();
  for (const line of lines) {
    if (line.textItems.length === 0 || isBodySize(line, body)) continue;
    pages.set(key(line), (pages.get(key(line)) ?? new Set()).add(line.page));
  }
  return new Set(lines.filter((line) => (pages.get(key(line))?.size ?? 0) >= 2));
}

/** Pages with no body-size text, such as Ofsted's closing page. */
function pagesWithoutBodyText(lines: TextLine[], body: number, furniture: Set<TextLine>): Set<number> {
  const all = new Set(lines.map((line) => line.page));
  for (const line of lines)
    if (!furniture.has(line) && line.textItems.length && isBodySize(line, body)) all.delete(line.page);
  return all;
}

/** Whether the line after "12. Text" is indented under the text rather than back at the margin. */
function usesHangingIndent(
  lines: TextLine[],
  numbered: TextLine[],
  atMargin: (line: TextLine) => boolean,
): boolean {
  let indented = 0;
  for (const line of numbered) {
    const next = lines[lines.indexOf(line) + 1];
    if (next && continuesBlock(line, next)) indented += atMargin(next) ? -1 : 1;
  }
  return indented >= 0;
}

/** Fonts of running text: those of numbered paragraphs and of lines ending a sentence or clause (headings never do). */
function fontsOfBodyText(
  lines: TextLine[],
  numbered: TextLine[],
  body: number,
  furniture: Set<TextLine>,
): Set<string> {
  const prose = lines.filter(
    (line) => !furniture.has(line) && isBodySize(line, body) && /[.,;:!)]$/.test(line.text.trim()),
  );
  return new Set([...numbered, ...prose].flatMap((line) => line.textItems.map((item) => item.fontName)));
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
}

function mostCommonX(lines: TextLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
