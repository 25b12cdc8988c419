// Which records changed since they were last sent to a team space. A Dexie middleware adds
// the `outbox` table to every read-write transaction over a synced table and, in that same
// transaction, names each record written or deleted there: whatever page or import changed
// it, and even if the browser stops right after, the change is not lost to the space. The
// entries are tiny (the record's space id), one per record however often it changes, so a
// user who never connects a space pays one small write per change and nothing else.

import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { docId, SYNCED_TABLES, type SyncedTable } from '../sync/space-docs';

export interface OutboxEntry {
  /** The record's id in the space (see ../sync/space-docs.ts). */
  id: string;
  table: SyncedTable;
  key: string;
  /** New at every change, so the sender can tell the record changed again while it sent it. */
  change: string;
}

/** The space revision a record was last in step with; also the sync's checkpoints. */
export interface SpaceRev {
  id: string;
  rev: string;
}

const SYNCED = new Set<string>(SYNCED_TABLES);

export function recordChangesInOutbox(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'space-outbox',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction(stores, mode, options) {
        const needsOutbox =
          mode === 'readwrite' && stores.some((s) => SYNCED.has(s)) && !stores.includes('outbox');
        return down.transaction(needsOutbox ? [...stores, 'outbox'] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SYNCED.has(name)) return table;
        return {
          ...table,
          mutate: (req) => mutateAndRecord(table, down.table('outbox'), name as SyncedTable, req),
        };
      },
    }),
  });
}

/**
 * Dexie's own promises (`.then`, no `await`): they keep Dexie's transaction zone, which the
 * middlewares below this one read.
 */
function mutateAndRecord(
  table: DBCoreTable,
  outbox: DBCoreTable,
  name: SyncedTable,
  req: DBCoreMutateRequest,
) {
  const record = (keys: unknown[]) =>
    table
      .mutate(req)
      .then((result) =>
        keys.length === 0 ? result : writeEntries(outbox, req.trans, name, keys).then(() => result),
      );
  switch (req.type) {
    case 'add':
    case 'put':
      return record(req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value)));
    case 'delete':
      return record(req.keys);
    case 'deleteRange':
      return table
        .query({
          trans: req.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: req.range },
        })
        .then((found) => record(found.result));
  }
}

function writeEntries(outbox: DBCoreTable, trans: DBCoreTransaction, name: SyncedTable, keys: unknown[]) {
  const values: OutboxEntry[] = keys.map((key) => ({
    id: docId(name, String(key)),
    table: name,
    key: String(key),
    change: crypto.randomUUID(),
  }));
  return outbox.mutate({ type: 'put', trans, values });
}
