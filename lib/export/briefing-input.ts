// What the briefing exports (Markdown, CSV, W3C) read, and the look-ups they share: a
// document's record, a theme's label, reading order, and whether a document is a PDF.

import { byPosition } from '../db/order';
import type { Annotation, DocumentRecord, Theme } from '../model';

export interface BriefingInput {
  annotations: Annotation[];
  documents: DocumentRecord[];
  themes: Theme[];
}

/** Ofsted's report files, which the extension opens in its own PDF viewer. */
const OFSTED_FILE_HOSTS = new Set(['files.ofsted.gov.uk', 'files.api.ofsted.gov.uk']);

/** Local PDFs have no address to link to; they are named by their fingerprint. */
export function isLocalPdf(url: string): boolean {
  return url.startsWith('urn:pdf:');
}

/**
 * Whether an annotation's document is a PDF (and so was read in the extension's viewer): a
 * local file, an Ofsted report file, an address ending in .pdf, or any annotation with a
 * citation, since only the viewer records pages.
 */
export function isPdfAnnotation(annotation: Annotation): boolean {
  const { url } = annotation;
  if (annotation.citation || isLocalPdf(url)) return true;
  try {
    const address = new URL(url);
    return OFSTED_FILE_HOSTS.has(address.hostname) || /\.pdf$/i.test(address.pathname);
  } catch {
    return false;
  }
}

/** Document records by address. */
export function recordsByUrl(documents: readonly DocumentRecord[]): Map<string, DocumentRecord> {
  return new Map(documents.map((d) => [d.url, d]));
}

/** A theme's label; an id with no theme (deleted, or from another taxonomy) stands for itself. */
export function themeLabeller(themes: readonly Theme[]): (id: string) => string {
  const labels = new Map(themes.map((t) => [t.id, t.label]));
  return (id) => labels.get(id) ?? id;
}

/** A document's title, or its address when it has no record (or an empty title). */
export function documentTitle(url: string, record: DocumentRecord | undefined): string {
  return record?.title.trim() || url;
}

/**
 * The addresses of the annotated documents: those with a record in the records' order, then
 * any without one in the order their annotations come.
 */
export function annotatedUrls(input: BriefingInput): string[] {
  const annotated = new Set(input.annotations.map((a) => a.url));
  const recorded = input.documents.map((d) => d.url).filter((url) => annotated.has(url));
  return [...new Set([...recorded, ...annotated])];
}

/** Annotations by document (in annotatedUrls order), then in reading order within each. */
export function inDocumentOrder(input: BriefingInput): Annotation[] {
  const rank = new Map(annotatedUrls(input).map((url, i) => [url, i]));
  return [...input.annotations].sort((a, b) => rank.get(a.url)! - rank.get(b.url)! || byPosition(a, b));
}

/** The date the quote speaks for, yyyy-mm-dd: the inspection's last day, else the day it was annotated. */
export function quoteDate(annotation: Annotation, record: DocumentRecord | undefined): string {
  return record?.details?.inspectionDates.end || annotation.createdAt.slice(0, 10);
}
