// The CSV export: one row per annotation, for spreadsheets. RFC 4180 with a UTF-8 byte-order
// mark, because Excel reads a file without one in the system's legacy code page.

import type { Annotation, DocumentRecord } from '../model';
import { severityLabel } from '../taxonomy/severity';
import {
  documentTitle,
  inDocumentOrder,
  quoteDate,
  recordsByUrl,
  themeLabeller,
  type BriefingInput,
} from './briefing-input';

export const CSV_COLUMNS: readonly string[] = [
  'Local authority',
  'Document',
  'Address',
  'Date',
  'Section',
  'Page',
  'Paragraph',
  'Quote',
  'Themes',
  'Severity',
  'Note',
  'Created',
];

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The whole file: BOM, header, one row per annotation (by document, then reading order). */
export function buildCsv(input: BriefingInput): string {
  const records = recordsByUrl(input.documents);
  const label = themeLabeller(input.themes);
  const rows = inDocumentOrder(input).map((a) => row(a, records.get(a.url), label));
  return BOM + [CSV_COLUMNS, ...rows].map((cells) => cells.map(csvField).join(',') + CRLF).join('');
}

/**
 * One annotation's cells, in CSV_COLUMNS order. Date is the inspection's last day, or the day
 * the quote was annotated when the document has no inspection dates (as in the Markdown
 * briefing); Page is "4" or "4–5" (an en dash, which spreadsheets do not read as a date).
 */
function row(a: Annotation, record: DocumentRecord | undefined, label: (id: string) => string): string[] {
  const { citation } = a;
  const pageEnd =
    citation?.pageEnd !== undefined && citation.pageEnd !== citation.page ? `–${citation.pageEnd}` : '';
  return [
    record?.details?.localAuthority ?? '',
    documentTitle(a.url, record),
    a.url,
    quoteDate(a, record),
    citation?.section ?? '',
    citation ? `${citation.page}${pageEnd}` : '',
    citation?.paragraph?.toString() ?? '',
    a.quote,
    a.themes.map(label).join('; '),
    severityLabel(a.severity),
    a.note,
    a.createdAt,
  ];
}

/** A cell as written: defused, then quoted if it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  const cell = defuseFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A leading single quote stops spreadsheets from running a cell that starts like a formula
 * (= + - @, or a tab or CR, which some strip before looking): quotes and notes come from
 * web pages and users, so "=HYPERLINK(…)" must stay text.
 */
function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
