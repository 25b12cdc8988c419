// How the dashboard writes citations, days and document links.

import { isLocalPdf } from '../export/briefing-input';
import type { Citation } from '../model';
import type { DocumentEntry } from './documents';

/** "Page 5", "Pages 5–6", then ", paragraph 23" and ", “What needs to improve?”" where known. */
export function citationText(citation: Citation): string {
  const pages =
    citation.pageEnd !== undefined && citation.pageEnd !== citation.page
      ? `Pages ${citation.page}–${citation.pageEnd}`
      : `Page ${citation.page}`;
  const paragraph = citation.paragraph !== undefined ? `, paragraph ${citation.paragraph}` : '';
  const section = citation.section ? `, “${citation.section}”` : '';
  return `${pages}${paragraph}${section}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "16 January 2025" for a day (yyyy-mm-dd) or an ISO time (the user's local day); '' if unreadable. */
export function formatDay(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dayFormat.format(date);
}

/** "Inspected 30 September to 11 October 2024" or "First annotated 3 March 2026". */
export function documentDate(entry: DocumentEntry): string {
  if (entry.dateKind === 'inspection' && entry.details)
    return `Inspected ${entry.details.inspectionDates.text}`;
  const day = formatDay(entry.date);
  return day ? `First annotated ${day}` : '';
}

/**
 * Where the document opens: a PDF in the extension's viewer, a web page at its address;
 * undefined for a PDF from this computer or an address that is not http, https or file.
 */
export function documentHref(
  entry: DocumentEntry,
  viewerUrl: (address: string) => string,
): string | undefined {
  if (isLocalPdf(entry.url)) return undefined;
  let protocol: string;
  try {
    protocol = new URL(entry.url).protocol;
  } catch {
    return undefined;
  }
  if (entry.pdf && (protocol === 'https:' || protocol === 'http:')) return viewerUrl(entry.url);
  return ['http:', 'https:', 'file:'].includes(protocol) ? entry.url : undefined;
}
