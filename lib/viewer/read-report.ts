import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { readReportStructure, toPdfTextItems } from '../pdf/report-structure';
import type { ReportReading } from './viewer';

/** Reads an Ofsted report's details, paragraphs and sections from every page's text. */
export function readReport(contents: TextContent[]): ReportReading {
  const structure = readReportStructure(
    contents.map((content, i) => ({ page: i + 1, items: toPdfTextItems(content.items) })),
  );
  return {
    details: structure.details,
    placeOf: structure.placeOf,
    isRunning: (page, item) => structure.placeOf(page, item).running === true,
  };
}
