import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { listImprovementItems } from '../pdf/improvement-items';
import { readReportStructure, toPdfTextItems } from '../pdf/report-structure';
import type { ReportReading } from './viewer';

/** Reads an Ofsted report's details, paragraphs and sections from every page's text. */
export function readReport(contents: TextContent[]): ReportReading {
  const pages = contents.map((content, i) => ({ page: i + 1, items: toPdfTextItems(content.items) }));
  const structure = readReportStructure(pages);
  return {
    details: structure.details,
    placeOf: structure.placeOf,
    isRunning: (page, item) => structure.placeOf(page, item).running === true,
    improvementItems: listImprovementItems(pages, structure),
  };
}
