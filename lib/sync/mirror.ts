// The part of a PouchDB database the bridge uses: the extension's local copy of the team
// space, which PouchDB replicates with the CouchDB server. Typed here, narrowly, because
// PouchDB ships no types of its own.

import type { StoredDoc } from './space-docs';

export interface PutResult {
  ok: boolean;
  id: string;
  rev: string;
}

export interface BulkResult {
  id?: string;
  rev?: string;
  error?: string;
  status?: number;
}

export interface Mirror {
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<StoredDoc>;
  put(doc: Record<string, unknown>): Promise<PutResult>;
  bulkDocs(docs: Record<string, unknown>[]): Promise<BulkResult[]>;
  allDocs(options: {
    keys: string[];
    include_docs: true;
    conflicts: true;
  }): Promise<{ rows: Array<{ key: string; doc?: StoredDoc | null; error?: string }> }>;
  changes(options: {
    since: number | string;
    limit: number;
    include_docs: true;
    conflicts: true;
  }): Promise<{ results: MirrorChange[]; last_seq: number | string }>;
}

/** A change of the mirror's feed, with its document (`changes({ include_docs, conflicts })`). */
export interface MirrorChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: StoredDoc;
}
