/** One text item of a PDF page, as pdf.js getTextContent() gives it (the viewer's text layer has one <span> per item with text, and a <br> after each item with hasEOL). */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export interface PdfPageText {
  /** 1-based. */
  page: number;
  items: PdfTextItem[];
}

/** Converts pdf.js TextContent items (TextItem | TextMarkedContent) of one page into PdfTextItem[] keeping indices aligned with the items (marked-content entries become empty items), so itemIndex matches the viewer's item order. */
export function toPdfTextItems(items: unknown[]): PdfTextItem[] {
  return items.map((item) => {
    const it = item as Partial<{
      str: string;
      hasEOL: boolean;
      transform: number[];
      width: number;
      height: number;
      fontName: string;
    }>;
    if (typeof it?.str !== 'string') return markedContent();
    return {
      str: it.str,
      hasEOL: Boolean(it.hasEOL),
      x: it.transform?.[4] ?? 0,
      y: it.transform?.[5] ?? 0,
      width: it.width ?? 0,
      height: it.height ?? 0,
      fontName: it.fontName ?? '',
    };
  });
}

function markedContent(): PdfTextItem {
  return { str: '', hasEOL: false, x: 0, y: 0, width: 0, height: 0, fontName: '' };
}

/** Marked-content placeholders carry no position, so layout must skip them. */
export function isPlaceholder(item: PdfTextItem): boolean {
  return item.str === '' && item.fontName === '';
}
