// The native export: every annotation with its document, and the themes that name them.
// The format has its own version, described by ofsted-annotations.v3.schema.json (versions 1
// and 2, ofsted-annotations.v1/v2.schema.json, are what earlier exports wrote; read.ts reads
// all three). It changes only when this shape or its meaning changes, never with the app's or
// the database's version. Version 3 changed meanings, not fields: positions count code points
// (they counted UTF-16 units), severity may be -1 (unrated), and an annotation may wait for its
// quote (quote "" with a TextPositionSelector only). Positions are written as stored.

import type { AnnotatorDb } from '../db/database';
import { byPosition } from '../db/order';
import type { Annotation, Citation, DocumentRecord, ReportDetails, Theme } from '../model';

export const EXPORT_FORMAT = 'ofsted-annotator';
export const EXPORT_VERSION = 3;

/**
 * An annotation's document as exported: address and title; its record's dates when there is
 * one (version 2); and, for a report that says what it is, its details (all four or none).
 */
export type ExportedDocument = {
  url: string;
  title: string;
  createdAt?: string;
  updatedAt?: string;
} & Partial<ReportDetails>;

/** An annotation as exported: its document instead of `url`, and its citation's fields (where known) on it. */
export type ExportedAnnotation = Omit<Annotation, 'url' | 'citation'> &
  Partial<Citation> & { document: ExportedDocument };

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Every theme, retired ones too, so each theme id in the annotations has a label. */
  themes: Theme[];
  annotations: ExportedAnnotation[];
}

export interface ExportSource {
  annotations: readonly Annotation[];
  themes: readonly Theme[];
  documents: readonly DocumentRecord[];
}

/** The export object (JSON.stringify it to write the file); annotations by document, then reading order. */
export function buildJsonExport(
  { annotations, themes, documents }: ExportSource,
  now: Date = new Date(),
): JsonExport {
  const records = new Map(documents.map((d) => [d.url, d]));
  const ordered = [...annotations].sort((a, b) =>
    a.url < b.url ? -1 : a.url > b.url ? 1 : byPosition(a, b),
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    themes: [...themes]
      .sort((a, b) => a.order - b.order)
      .map(({ id, label, description, color, order, retired }) => ({
        id,
        label,
        ...(description !== undefined && { description }),
        color,
        order,
        retired,
      })),
    annotations: ordered.map((a) => ({
      id: a.id,
      document: exportedDocument(a.url, records.get(a.url)),
      quote: a.quote,
      selectors: a.selectors.map((s) => ({ ...s })),
      themes: [...a.themes],
      severity: a.severity,
      note: a.note,
      ...a.citation,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
  };
}

/** The document as exported; its address stands in for the title when its record is missing. */
function exportedDocument(url: string, record: DocumentRecord | undefined): ExportedDocument {
  if (!record) return { url, title: url };
  const { title, details, createdAt, updatedAt } = record;
  return { url, title, createdAt, updatedAt, ...(details && exportedDetails(details)) };
}

function exportedDetails({
  localAuthority,
  visitType,
  inspectionDates,
  judgements,
  outcome,
}: ReportDetails): ReportDetails {
  return {
    localAuthority,
    visitType,
    inspectionDates: { ...inspectionDates },
    judgements: judgements.map((row) => ({ ...row })),
    ...(outcome !== undefined && { outcome }),
  };
}

/** `ofsted-annotations-YYYY-MM-DD.json`, dated in the user's local time. */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ofsted-annotations-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Everything in the database, read in one transaction so the export is consistent. */
export async function exportAll(db: AnnotatorDb, now: Date = new Date()): Promise<JsonExport> {
  const source = await db.transaction('r', [db.annotations, db.documents, db.themes], async () => ({
    annotations: await db.annotations.toArray(),
    documents: await db.documents.toArray(),
    themes: await db.themes.toArray(),
  }));
  return buildJsonExport(source, now);
}
