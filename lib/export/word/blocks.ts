// The Word briefing's building blocks: headings, plain-text paragraphs, links and tables.
// Every string becomes a TextRun's text (never XML, never a field), through ./text.

import {
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { oneLine, webLink } from './text';

const HEADINGS = [
  HeadingLevel.TITLE,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
] as const;

/** The title (level 0) or a heading of level 1 to 3, in Word's built-in styles (so the navigation pane lists it). */
export function heading(text: string, level: 0 | 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: [new TextRun(oneLine(text))] });
}

/** One line of text as a run. */
export function run(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: oneLine(text), ...options });
}

/** Lines of text as runs with line breaks between them (one paragraph, as a quote or note reads). */
export function lineRuns(lines: readonly string[], options: { italics?: boolean } = {}): TextRun[] {
  return lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, ...options }));
}

/** A link to an http(s) address; the text alone for any other address. */
export function link(text: string, address: string | null): ParagraphChild {
  const href = address && webLink(address);
  const label = new TextRun({ text: oneLine(text), style: href ? 'Hyperlink' : undefined });
  return href ? new ExternalHyperlink({ link: href, children: [label] }) : label;
}

export function paragraph(children: ParagraphChild[], style?: string): Paragraph {
  return new Paragraph({ children, ...(style && { style }) });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** The width of an A4 page's text between the default margins, in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 2 * 1440;

export interface TableOptions {
  /** 9-point text, for wide tables of figures. */
  small?: boolean;
  /** Each column's share of the width (they need not add up to 1); equal shares by default. */
  shares?: readonly number[];
}

/** A full-width table of text: a header row (repeated on each page) when `head` is given, then the rows. */
export function textTable(
  head: readonly string[] | null,
  rows: ReadonlyArray<ReadonlyArray<string | ParagraphChild>>,
  { small = false, shares }: TableOptions = {},
): Table {
  const size = small ? 18 : undefined;
  const columns = Math.max(head?.length ?? 0, ...rows.map((r) => r.length), 1);
  const weights = shares ?? new Array<number>(columns).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cell = (content: string | ParagraphChild, bold = false) =>
    new TableCell({
      children: [
        paragraph([
          typeof content === 'string' ? new TextRun({ text: oneLine(content), bold, size }) : content,
        ]),
      ],
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: weights.map((w) => Math.round((TEXT_WIDTH * w) / total)),
    borders: BORDERS,
    rows: [
      ...(head ? [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) })] : []),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c) => cell(c)) })),
    ],
  });
}
