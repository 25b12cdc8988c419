// The native export: every annotation with its document, and the themes that name them.
// The format has its own version, described by ofsted-annotations.v1.schema.json; it changes
// only when this shape changes, never with the app's or the database's version.

import type { AnnotatorDb } from '../db/database';
import { byPosition } from '../db/order';
import type { Annotation, DocumentRecord, Theme } from '../model';

export const EXPORT_FORMAT = 'ofsted-annotator';
export const EXPORT_VERSION = 1;

/** An annotation as exported: its document named by address and title instead of `url`. */
export type ExportedAnnotation = Omit<Annotation, 'url'> & { document: { url: string; title: string } };

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
  const titles = new Map(documents.map((d) => [d.url, d.title]));
  const ordered = [...annotations].sort((a, b) =>
    a.url < b.url ? -1 : a.url > b.url ? 1 : byPosition(a, b),
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    themes: [...themes]
      .sort((a, b) => a.order - b.order)
      .map(({ id, label, color, order, retired }) => ({ id, label, color, order, retired })),
    annotations: ordered.map((a) => ({
      id: a.id,
      document: { url: a.url, title: titles.get(a.url) ?? a.url },
      quote: a.quote,
      selectors: a.selectors.map((s) => ({ ...s })),
      themes: [...a.themes],
      severity: a.severity,
      note: a.note,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
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
