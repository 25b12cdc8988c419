import { isPlaceholder, type PdfPageText, type PdfTextItem } from './text-items';

/** One printed line: the items of a page that share a baseline, in the page's item order. */
export interface TextLine {
  page: number;
  /** Indices of the line's items in its page's item list (placeholders and spaces included). */
  itemIndices: number[];
  /** The items at those indices. */
  items: PdfTextItem[];
  /** The items with visible text. */
  textItems: PdfTextItem[];
  /** The items' strings joined as printed. */
  text: string;
  /** Left edge of the first visible item. */
  x: number;
  y: number;
  /** Font size of the line: the tallest visible item. */
  size: number;
}

/** Groups each page's items into lines, pages in order. */
export function readLines(pages: PdfPageText[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const { page, items } of pages) {
    let line: TextLine | undefined;
    let lineY: number | undefined;
    items.forEach((item, index) => {
      const positioned = !isPlaceholder(item);
      // Superscripts sit a few points above their line; the next line is a whole line below.
      const tolerance = Math.max(2, 0.5 * Math.max(line?.size ?? 0, item.height));
      if (!line || (positioned && lineY !== undefined && Math.abs(item.y - lineY) > tolerance)) {
        line = { page, itemIndices: [], items: [], textItems: [], text: '', x: 0, y: 0, size: 0 };
        lineY = undefined;
        lines.push(line);
      }
      if (positioned && lineY === undefined) lineY = line.y = item.y;
      line.itemIndices.push(index);
      line.items.push(item);
      line.text += item.str;
      if (item.str.trim() !== '') {
        if (line.textItems.length === 0) line.x = item.x;
        line.textItems.push(item);
        line.size = Math.max(line.size, item.height);
      }
    });
  }
  return lines;
}

/** The size most of the document's text is set in. */
export function bodySize(lines: TextLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.textItems) {
      const size = Math.round(item.height);
      chars.set(size, (chars.get(size) ?? 0) + item.str.length);
    }
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of chars) if (count > bestCount) [best, bestCount] = [size, count];
  return best;
}

/** Joins lines' texts with single spaces. */
export function joinText(texts: string[]): string {
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Runs of consecutive lines of one page set in one size with no paragraph gap between them. */
export function blocks(lines: TextLine[]): TextLine[][] {
  const result: TextLine[][] = [];
  for (const line of lines) {
    if (line.textItems.length === 0) continue;
    const block = result[result.length - 1];
    const last = block?.[block.length - 1];
    if (last && continuesBlock(last, line)) block.push(line);
    else result.push([line]);
  }
  return result;
}

/** Whether line is the next line of the same block as previous (same page and size, at most one line down). */
export function continuesBlock(previous: TextLine, line: TextLine): boolean {
  return (
    previous.page === line.page &&
    Math.abs(previous.size - line.size) < 0.5 &&
    previous.y > line.y &&
    previous.y - line.y <= 1.6 * line.size
  );
}
