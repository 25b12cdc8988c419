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
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    themes: exportedThemes(themes),
    annotations: inExportOrder(annotations).map((a) =>
      exportedAnnotation(a, exportedDocument(a.url, records.get(a.url)), (s) => ({ ...s })),
    ),
  };
}

/**
 * The text of the export file: exactly `JSON.stringify(buildJsonExport(source, now), null, 2)`,
 * built without the copies, and with each document's JSON written once and repeated for each
 * of its annotations (half of the file at 20 annotations a document).
 */
export function buildJsonExportText(source: ExportSource, now: Date = new Date()): string {
  const records = new Map(source.documents.map((d) => [d.url, d]));
  const head: string[] = [];
  write(
    head,
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now.toISOString(),
      themes: exportedThemes(source.themes),
      annotations: [],
    },
    '',
  );
  const ordered = inExportOrder(source.annotations);
  if (ordered.length === 0) return head.join('');
  // Annotations are the last member: their text goes in place of the empty list's ("[]", "\n}").
  const out = head.slice(0, -2);
  out.push('[');
  // Each document's text, written once at its first annotation.
  const documents = new Map<string, string>();
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i]!;
    let document = documents.get(a.url);
    if (document === undefined) {
      const pieces: string[] = [];
      write(pieces, exportedDocument(a.url, records.get(a.url)), DOCUMENT_INDENT);
      documents.set(a.url, (document = pieces.join('')));
    }
    out.push(i > 0 ? ',\n    ' : '\n    ');
    write(out, exportedAnnotation(a, DOCUMENT_HERE, same), ANNOTATION_INDENT, document);
  }
  out.push('\n  ]\n}');
  return out.join('');
}

const ANNOTATION_INDENT = '    ';
const DOCUMENT_INDENT = '      ';
/** Stands for the annotation's document, whose text is written once per document. */
const DOCUMENT_HERE = Object.freeze({}) as ExportedDocument;
const same = <T>(value: T): T => value;
const quotedKeys = new Map<string, string>();

/**
 * Pushes `JSON.stringify(value, null, 2)` of a value placed at `indent` onto `out`, for the JSON
 * values an export holds (strings, finite numbers, booleans, null, arrays and plain objects;
 * undefined members left out); DOCUMENT_HERE is written as `document`.
 */
function write(out: string[], value: unknown, indent: string, document?: string): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.push(JSON.stringify(value, null, 2) ?? 'null');
      return;
  }
  if (value === null) return void out.push('null');
  if (value === DOCUMENT_HERE && document !== undefined) return void out.push(document);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]');
    for (let i = 0; i < value.length; i++) {
      out.push(i > 0 ? `,\n${inner}` : `[\n${inner}`);
      const item = value[i] as unknown;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.push('null');
      else write(out, item, inner, document);
    }
    out.push(`\n${indent}]`);
    return;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    // Anything else (a Date, a boxed value): as JSON.stringify writes it, then indented.
    out.push((JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`));
    return;
  }
  let first = true;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) quotedKeys.set(key, (quoted = `${JSON.stringify(key)}: `));
    out.push(first ? `{\n${inner}` : `,\n${inner}`, quoted);
    first = false;
    write(out, member, inner, document);
  }
  out.push(first ? '{}' : `\n${indent}}`);
}

/** Annotations by document address, then in reading order (stable: ties keep their order). */
function inExportOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : byPosition(a, b)));
}

/** Every theme in its order, with the fields an export writes (the description only when it has one). */
export function exportedThemes(themes: readonly Theme[]): Theme[] {
  return [...themes]
    .sort((a, b) => a.order - b.order)
    .map(({ id, label, description, color, order, retired }) => ({
      id,
      label,
      ...(description !== undefined && { description }),
      color,
      order,
      retired,
    }));
}

function exportedAnnotation(
  a: Annotation,
  document: ExportedDocument,
  selector: (s: Annotation['selectors'][number]) => Annotation['selectors'][number],
): ExportedAnnotation {
  return {
    id: a.id,
    document,
    quote: a.quote,
    selectors: a.selectors.map(selector),
    themes: [...a.themes],
    severity: a.severity,
    note: a.note,
    ...a.citation,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
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
function readAll(db: AnnotatorDb): Promise<ExportSource> {
  return db.transaction('r', [db.annotations, db.documents, db.themes], async () => {
    const [annotations, documents, themes] = await Promise.all([
      db.annotations.toArray(),
      db.documents.toArray(),
      db.themes.toArray(),
    ]);
    return { annotations, documents, themes };
  });
}

/** Everything in the database as the export object. */
export async function exportAll(db: AnnotatorDb, now: Date = new Date()): Promise<JsonExport> {
  return buildJsonExport(await readAll(db), now);
}

/** Everything in the database as the export file's text: `JSON.stringify(await exportAll(db, now), null, 2)`, faster. */
export async function exportAllText(db: AnnotatorDb, now: Date = new Date()): Promise<string> {
  return buildJsonExportText(await readAll(db), now);
}
