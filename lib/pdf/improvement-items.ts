import { bodySize, readLines, type TextLine } from './lines';
import type { ReportStructure } from './report-structure';
import type { PdfPageText } from './text-items';

/** A point in the text of a PDF: a page (1-based), an item of its getTextContent(), a character in it. */
export interface TextPoint {
  page: number;
  item: number;
  offset: number;
}

/** One item the inspectors list under an improvement heading: what a briefing quotes verbatim. */
export interface ImprovementItem {
  /** The item's words as the viewer's text layer reads them (lines joined, a word hyphenated at a line end kept whole). */
  text: string;
  /** The improvement heading it is listed under ("What needs to improve?", "Areas for priority action"). */
  heading: string;
  /** Where its text starts (after the bullet or number) and ends (the end offset is exclusive). */
  start: TextPoint;
  end: TextPoint;
  page: number;
  paragraph?: number;
  /** The section the report's structure gives its first words (what a citation of it names). */
  section?: string;
}

/** Headings over what the inspectors ask to be done, whatever the framework's wording. */
export const IMPROVEMENT_HEADING =
  /^(?:What needs to improve|What does the .+ need to (?:improve|do better)|Areas? for (?:priority )?(?:actions?|improvement)|Priority and immediate action|Priorities for further improvement|Recommendations)\b/i;

/** Bullets that start an item (U+0083 is how a 2009 joint area review prints its bullets); dashes and open circles mark sub-items, read as part of the item above. */
const BULLET = /^\s*[◼■▪•●\uF06E\uF0B7\uF0A7\u0083]\s*/u;
const NUMBER = /^\s*\d{1,3}\.\s*/;
/** How far right of an item's marker its following lines must start to belong to it. */
const INDENT = 3;
const HYPHEN_AT_END = /\p{L}-$/u;
const LOWERCASE_START = /^\p{Ll}/u;

type Marker = 'bullet' | 'number';

interface Placed {
  line: TextLine;
  section?: string;
  paragraph?: number;
  running: boolean;
}

/**
 * The items listed under each improvement heading ("What needs to improve?", letters' "Areas for
 * priority action", older reports' "Priority and immediate action" and "Areas for improvement"),
 * in reading order. Where a heading's part lists bullets, the bullets are the items (a numbered
 * paragraph introducing them is not); otherwise its numbered paragraphs are. Sub-items (dashes)
 * belong to the item above them. Smaller headings inside an improvement part (SIF reports'
 * "Quality of work with children and young people") do not end it.
 */
export function listImprovementItems(
  pages: PdfPageText[],
  structure: Pick<ReportStructure, 'placeOf'>,
): ImprovementItem[] {
  const lines = readLines(pages).filter((line) => line.textItems.length > 0);
  const body = bodySize(lines);
  const placed = lines.map((line) => placeLine(line, structure));
  const items: ImprovementItem[] = [];
  for (const part of improvementParts(placed)) {
    const kind: Marker = part.lines.some((p) => markerOf(p.line) === 'bullet') ? 'bullet' : 'number';
    let current: { lines: Placed[]; x: number } | null = null;
    const finish = () => {
      if (current) items.push(itemOf(current.lines, part.heading));
      current = null;
    };
    for (const p of part.lines) {
      if (p.running || p.line.size < body - 1) continue; // page furniture and footnotes
      const marker = markerOf(p.line);
      if (marker === kind && (!current || p.line.x <= current.x + INDENT)) {
        finish();
        current = { lines: [p], x: p.line.x };
      } else if (current && p.line.x > current.x + INDENT) {
        current.lines.push(p);
      } else {
        finish();
      }
    }
    finish();
  }
  return items.filter((item) => item.text !== '');
}

/** The section of a line: that of its last visible item (a bullet item has none). */
function placeLine(line: TextLine, structure: Pick<ReportStructure, 'placeOf'>): Placed {
  const last = line.textItems[line.textItems.length - 1]!;
  const place = structure.placeOf(line.page, line.itemIndices[line.items.indexOf(last)]!);
  return {
    line,
    running: place.running === true,
    ...(place.section !== undefined && { section: place.section }),
    ...(place.paragraph !== undefined && { paragraph: place.paragraph }),
  };
}

/**
 * Runs of lines under an improvement heading. A part opens at a heading that names one and runs
 * on through headings set smaller than it, until a heading as large that names none.
 */
function improvementParts(placed: Placed[]): Array<{ heading: string; lines: Placed[] }> {
  const parts: Array<{ heading: string; lines: Placed[] }> = [];
  let open: { heading: string; size: number; lines: Placed[] } | null = null;
  let section: string | undefined;
  for (const p of placed) {
    if (p.running) {
      open?.lines.push(p);
      continue;
    }
    if (p.section !== section) {
      section = p.section;
      const name = section?.split(' — ')[0];
      if (name && IMPROVEMENT_HEADING.test(name)) {
        if (!open || open.heading !== name) {
          open = { heading: name, size: open && p.line.size < open.size ? open.size : p.line.size, lines: [] };
          parts.push(open);
        }
        continue; // the heading's own line
      }
      if (!open || section === undefined || p.line.size >= open.size) {
        open = null;
        continue;
      }
    }
    open?.lines.push(p);
  }
  return parts;
}

function markerOf(line: TextLine): Marker | undefined {
  const text = line.textItems[0]!.str;
  if (BULLET.test(text)) return 'bullet';
  if (NUMBER.test(text) || NUMBER.test(line.text)) return 'number';
  return undefined;
}

function itemOf(lines: Placed[], heading: string): ImprovementItem {
  const first = lines[0]!;
  const start = startAfterMarker(first.line);
  const lastLine = lines[lines.length - 1]!.line;
  const lastItem = lastLine.textItems[lastLine.textItems.length - 1]!;
  const end: TextPoint = {
    page: lastLine.page,
    item: lastLine.itemIndices[lastLine.items.indexOf(lastItem)]!,
    offset: lastItem.str.trimEnd().length,
  };
  let text = '';
  for (const { line } of lines) {
    const from = line === first.line ? start : undefined;
    const lineText = line.items
      .map((item, i) => {
        const index = line.itemIndices[i]!;
        if (from && index < from.item) return '';
        return from && index === from.item ? item.str.slice(from.offset) : item.str;
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (lineText === '') continue;
    const joins = HYPHEN_AT_END.test(text) && LOWERCASE_START.test(lineText);
    text = text === '' || joins ? text + lineText : `${text} ${lineText}`;
  }
  // The place of the item's first words (the bullet item itself has none).
  return {
    text,
    heading,
    start,
    end,
    page: first.line.page,
    ...(first.paragraph !== undefined && { paragraph: first.paragraph }),
    ...(first.section !== undefined && { section: first.section }),
  };
}

/** Where the item's words start: past its bullet or number, and the spaces after it. */
function startAfterMarker(line: TextLine): TextPoint {
  let skipping = true;
  for (let i = 0; i < line.items.length; i++) {
    const str = line.items[i]!.str;
    if (str.trim() === '') continue;
    if (!skipping) return { page: line.page, item: line.itemIndices[i]!, offset: str.length - str.trimStart().length };
    const marker = BULLET.exec(str) ?? NUMBER.exec(str);
    const rest = marker ? str.slice(marker[0].length) : str;
    if (!marker) return { page: line.page, item: line.itemIndices[i]!, offset: str.length - str.trimStart().length };
    if (rest.trim() !== '') return { page: line.page, item: line.itemIndices[i]!, offset: marker[0].length };
    skipping = false;
  }
  const last = line.textItems[line.textItems.length - 1]!;
  return { page: line.page, item: line.itemIndices[line.items.indexOf(last)]!, offset: 0 };
}
