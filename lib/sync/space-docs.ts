// The documents of a team space (one CouchDB database), and how the extension's records map
// to them. Each record of the three synced Dexie tables is one document, with a prefixed id so
// that one database holds them all, and a `type`:
//
//   annotation:<id>                      an Annotation, with its author and last editor
//   document:<encodeURIComponent(url)>   a DocumentRecord (title, report details)
//   theme:<id>                           a Theme of the team's shared list
//
// The design document `_design/ofsted-annotator` (design-doc.ts) holds validate_doc_update,
// which lets CouchDB itself refuse writes the space does not allow.

import type { Annotation, DocumentRecord, Person, Theme } from '../model';

export type SyncedTable = 'annotations' | 'documents' | 'themes';
export const SYNCED_TABLES: readonly SyncedTable[] = ['annotations', 'documents', 'themes'];

const PREFIX: Record<SyncedTable, string> = {
  annotations: 'annotation:',
  documents: 'document:',
  themes: 'theme:',
};
const TYPE = { annotations: 'annotation', documents: 'document', themes: 'theme' } as const;

export type AnnotationDoc = Annotation & { type: 'annotation' };
export type DocumentDoc = DocumentRecord & { type: 'document' };
export type ThemeDoc = Theme & { type: 'theme' };
export type SpaceRecordDoc = AnnotationDoc | DocumentDoc | ThemeDoc;

/** A space document as CouchDB returns it. */
export type StoredDoc = SpaceRecordDoc & {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
};

export function docId(table: SyncedTable, key: string): string {
  return PREFIX[table] + (table === 'documents' ? encodeURIComponent(wellFormed(key)) : key);
}

/** Half a surrogate pair cannot be written as UTF-8 (nor sent to CouchDB): it becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The table and record key of a space document's id, or null for any other document. */
export function parseDocId(id: string): { table: SyncedTable; key: string } | null {
  for (const table of SYNCED_TABLES) {
    if (!id.startsWith(PREFIX[table])) continue;
    const rest = id.slice(PREFIX[table].length);
    if (rest === '') return null;
    try {
      return { table, key: table === 'documents' ? decodeURIComponent(rest) : rest };
    } catch {
      return null;
    }
  }
  return null;
}

/** The space document of a record (without _id/_rev). */
export function toDoc(table: SyncedTable, record: Annotation | DocumentRecord | Theme): SpaceRecordDoc {
  return { ...record, type: TYPE[table] } as SpaceRecordDoc;
}

/** The record a space document holds, without CouchDB's own fields. */
export function fromDoc(doc: StoredDoc): Annotation | DocumentRecord | Theme {
  const { _id, _rev, _deleted, _conflicts, type, ...record } = doc as StoredDoc & Record<string, unknown>;
  (void _id, _rev, _deleted, _conflicts, type);
  return record as unknown as Annotation | DocumentRecord | Theme;
}

export type { Person };
