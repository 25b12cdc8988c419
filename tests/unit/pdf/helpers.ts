import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { toPdfTextItems, type PdfPageText, type PdfTextItem } from '../../../lib/pdf/report-structure';

const PDFS = path.resolve(__dirname, '../../../../shared/fixtures/pdfs');

export const REPORTS = {
  devon2025: 'devon-2025-ilacs-inspection.pdf',
  devon2020: 'devon-2020-ilacs-inspection.pdf',
  torbay2026: 'torbay-2026-ilacs-inspection.pdf',
  northNorthamptonshire2026: 'north-northamptonshire-2026-ilacs-inspection.pdf',
} as const;

/** Real documents of every framework since 2009 (../shared/fixtures/pdfs/more/README.md says what each prints). */
export const MORE = {
  ilacsBcp2021: 'more/ilacs-standard-bcp-2021-12-inadequate.pdf',
  ilacsLiverpool2026: 'more/ilacs-2026-postreform-liverpool-2026-05.pdf',
  ilacsWiltshire2019: 'more/ilacs-wiltshire-2019-06.pdf',
  ilacsIslesOfScilly2023: 'more/ilacs-short-isles-of-scilly-2023-07.pdf',
  ilacsHalton2024: 'more/ilacs-standard-halton-2024-05-inadequate.pdf',
  sifDevon2015: 'more/sif-devon-2015.pdf',
  sifHull2015: 'more/sif-kingston-upon-hull-2015.pdf',
  preSifKent2013: 'more/pre-sif-kent-2013.pdf',
  jointAreaReviewHaringey2009: 'more/joint-area-review-progress-haringey-pub-2009-07-03.pdf',
  areaSendDerbyshire2024: 'more/area-send-derbyshire-14-november-2024.pdf',
  focusedVisitDevon2019: 'more/focused-visit-devon-pub-2019-05-28.pdf',
  focusedVisitBcp2020: 'more/focused-visit-bcp-pub-2020-11-27.pdf',
  focusedVisitBradford2021: 'more/focused-visit-bradford-pub-2021-02-12.pdf',
  focusedVisitKingston2019: 'more/focused-visit-kingston-upon-thames-pub-2019-04-11.pdf',
  focusedVisitCamden2023: 'more/focused-visit-camden-pub-2023-12-05-no-LA-in-title.pdf',
  jtaiLiverpool2016: 'more/jtai-liverpool-pub-2016-08-03.pdf',
  jtaiHampshire2017: 'more/jtai-hampshire-pub-2017-02-01.pdf',
  jtaiSomerset2024: 'more/jtai-somerset-pub-2024-07-18.pdf',
} as const;

const loaded = new Map<string, Promise<PdfPageText[]>>();

/** A fixture report's pages as the viewer reads them: getTextContent() of each page, in order. */
export function loadReport(file: string): Promise<PdfPageText[]> {
  if (!loaded.has(file)) loaded.set(file, readPages(file));
  return loaded.get(file)!;
}

async function readPages(file: string): Promise<PdfPageText[]> {
  const data = new Uint8Array(await readFile(path.join(PDFS, file)));
  const pdf = await getDocument({ data, verbosity: 0 }).promise;
  const pages: PdfPageText[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    pages.push({ page, items: toPdfTextItems(content.items) });
  }
  await pdf.destroy();
  return pages;
}

/** The index of the first item on the page whose text starts with text. */
export function indexOf(pages: PdfPageText[], page: number, text: string): number {
  const index = pages[page - 1]!.items.findIndex((item) => item.str.startsWith(text));
  if (index < 0) throw new Error(`no item starting "${text}" on page ${page}`);
  return index;
}

/** Every item with visible text, with its page and index. */
export function textItems(pages: PdfPageText[]): Array<{ page: number; index: number; item: PdfTextItem }> {
  return pages.flatMap(({ page, items }) =>
    items.map((item, index) => ({ page, index, item })).filter(({ item }) => item.str.trim() !== ''),
  );
}

export interface SyntheticLine {
  text: string;
  size?: number;
  font?: string;
  x?: number;
}

/**
 * Items for a page laid out as Word lays out a letter: one item per line, lines 14.5pt apart
 * from the top, a blank line (gap) where a line's text is ''.
 */
export function syntheticPage(page: number, lines: SyntheticLine[]): PdfPageText {
  const items: PdfTextItem[] = [];
  let y = 760;
  for (const { text, size = 12, font = 'regular', x = 72 } of lines) {
    if (text === '') {
      y -= size * 1.2;
      continue;
    }
    items.push({ str: '', hasEOL: true, x, y, width: 0, height: 0, fontName: font });
    items.push({
      str: text,
      hasEOL: false,
      x,
      y,
      width: text.length * size * 0.5,
      height: size,
      fontName: font,
    });
    y -= size * 1.2;
  }
  return { page, items };
}

/** Paragraph numbers (or section headings) in reading order, each once per run. */
export function runsOf<T>(
  pages: PdfPageText[],
  placeOf: (page: number, index: number) => { paragraph?: number; section?: string },
  key: 'paragraph' | 'section',
): T[] {
  const runs: T[] = [];
  for (const { page, index } of textItems(pages)) {
    const value = placeOf(page, index)[key] as T | undefined;
    if (value !== undefined && value !== runs[runs.length - 1]) runs.push(value);
  }
  return runs;
}
