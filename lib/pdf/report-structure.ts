import type { ReportDetails } from '../model';
import { bodySize, readLines } from './lines';
import { readReportDetails } from './report-details';
import { placeLines, type ItemPlace } from './report-layout';
import type { PdfPageText } from './text-items';

export type { ItemPlace } from './report-layout';
export { toPdfTextItems, type PdfPageText, type PdfTextItem } from './text-items';

export interface ReportStructure {
  /**
   * The numbered paragraph (Ofsted numbers 1, 2, 3 … across pages) and the section heading that an
   * item belongs to. Running headers, footers and page numbers are marked `running`; the title, grade table and Ofsted's
   * closing page belong to neither; ◼ bullets and footnotes to no paragraph. Text before paragraph 1
   * has no paragraph: "What needs to improve?" is a section, the summary above it (under no heading)
   * has none. A continuation of a paragraph on the next page keeps its number. A heading straight
   * under an improvement heading names both ("Areas for priority actions — Leadership"); a pre-2013
   * judgement heading keeps its grade line ("Capacity to improve: Grade 2 (Good)").
   */
  placeOf(page: number, itemIndex: number): ItemPlace;
  /** Null when the text does not read as an Ofsted children's services report. */
  details: ReportDetails | null;
}

export function readReportStructure(pages: PdfPageText[]): ReportStructure {
  const lines = readLines(pages);
  const body = bodySize(lines);
  const { details, frontMatter } = readReportDetails(lines, body);
  const placed = placeLines(lines, body, frontMatter);
  const places = new Map<number, ItemPlace[]>();
  for (const [line, linePlaces] of placed) {
    const pagePlaces = places.get(line.page) ?? [];
    line.itemIndices.forEach((index, i) => (pagePlaces[index] = linePlaces[i]!));
    places.set(line.page, pagePlaces);
  }
  return {
    placeOf: (page, itemIndex) => ({ ...places.get(page)?.[itemIndex] }),
    details,
  };
}
