// The bridge between the extension's database (Dexie, the store of record) and its local copy
// of the team space (a PouchDB mirror that PouchDB replicates with CouchDB). Local changes go
// out from the outbox (../db/outbox.ts); the space's changes come in from the mirror's feed.
// Each record remembers the space revision it was last in step with, so a local change made
// while a colleague's change arrived is merged (conflicts.ts) rather than written over it.

import type { AnnotatorDb } from '../db/database';
import type { OutboxEntry } from '../db/outbox';
import type { Annotation, Person } from '../model';
import { mergeVersions } from './conflicts';
import { checkSpaceRecord } from './check-record';
import { isStatus, type Mirror, type MirrorChange } from './mirror';
import {
  docId,
  fromDoc,
  parseDocId,
  SYNCED_TABLES,
  toDoc,
  type StoredDoc,
  type SyncedTable,
} from './space-docs';

export interface SpaceRules {
  /** May members change and delete colleagues' annotations? (Default: own only.) */
  editOthers: boolean;
}

/** Something the user should be told, in words. */
export type Notify = (message: string) => void;

const BATCH = 200;
/** Where in the mirror's feed the local database is: the last change applied. */
const PULLED = '#pulled';

export class SpaceBridge {
  constructor(
    private readonly db: AnnotatorDb,
    private readonly mirror: Mirror,
    private readonly me: Person,
    private readonly rules: SpaceRules,
    private readonly notify: Notify = () => {},
  ) {}

  /** Names every record in the outbox: on connecting, everything local goes to the space. */
  async sendEverything(): Promise<void> {
    for (const table of SYNCED_TABLES) {
      const keys = (await this.db.table(table).toCollection().primaryKeys()) as string[];
      await this.db.outbox.bulkPut(
        keys.map((key) => ({ id: docId(table, key), table, key, change: crypto.randomUUID() })),
      );
    }
  }

  /** Sends what the outbox names to the mirror, a batch at a time; returns how many wait still. */
  async push(): Promise<number> {
    const entries = await this.db.outbox.limit(BATCH).toArray();
    for (const entry of entries) await this.pushOne(entry);
    return this.db.outbox.count();
  }

  /** Applies the mirror's changes since the last time, a batch at a time; returns the documents they touched. */
  async pullAll(): Promise<Set<string>> {
    const touched = new Set<string>();
    for (;;) {
      const stored = (await this.db.spaceRevs.get(PULLED))?.rev ?? '0';
      const since = /^\d+$/.test(stored) ? Number(stored) : stored; // PouchDB counts; CouchDB's are opaque
      const { results, last_seq } = await this.mirror.changes({
        since,
        limit: BATCH,
        include_docs: true,
        conflicts: true,
      });
      for (const change of results) {
        const url = await this.pull(change);
        if (url) touched.add(url);
      }
      await this.db.spaceRevs.put({ id: PULLED, rev: String(last_seq) });
      if (results.length < BATCH) return touched;
    }
  }

  /** Applies one change of the mirror's feed to the local database; returns the annotation's document. */
  async pull(change: MirrorChange): Promise<string | undefined> {
    const place = parseDocId(change.id);
    const doc = change.doc;
    if (!place || !doc) return;
    // Already in step: this browser's own write coming back through the feed.
    if (!doc._conflicts?.length && (await this.db.spaceRevs.get(change.id))?.rev === doc._rev) return;
    if (doc._conflicts?.length && this.mayChange(doc)) {
      await this.resolve(doc); // its merge comes back through the feed
      return;
    }
    const record = change.deleted || doc._deleted ? null : checkSpaceRecord(place.table, fromDoc(doc));
    if (record === undefined) return; // not a record this extension can show: left in the space
    const table = this.db.table(place.table);
    return this.db.transaction('rw', [table, this.db.outbox, this.db.spaceRevs], async () => {
      if (await this.db.outbox.get(change.id)) return undefined; // a local change waits: push() merges them
      const before = await table.get(place.key);
      if (record === null) await table.delete(place.key);
      else await table.put(record);
      await this.db.outbox.delete(change.id); // the entry that write just made
      await this.db.spaceRevs.put({ id: change.id, rev: doc._rev! });
      if (place.table !== 'annotations') return undefined;
      return ((record ?? before) as { url?: string } | undefined)?.url;
    });
  }

  private async pushOne(entry: OutboxEntry): Promise<void> {
    const record = await this.db.table(entry.table).get(entry.key);
    const base = (await this.db.spaceRevs.get(entry.id))?.rev;
    const current = await this.current(entry.id);
    try {
      if (!record) await this.pushDelete(entry, current, base);
      else await this.pushRecord(entry, record, current, base);
    } catch (error) {
      if (isStatus(error, 409)) return; // the space changed under us: the next round merges
      throw error;
    }
  }

  private async pushDelete(entry: OutboxEntry, current: StoredDoc | null, base: string | undefined) {
    if (!current) return this.settle(entry, null);
    if (base !== current._rev) {
      // Deleted here while a colleague edited it: the edit is kept.
      if (current.type === 'annotation')
        this.notify(`${who(current)} changed an annotation you deleted, so it was kept.`);
      return this.settle(entry, current, fromDoc(current));
    }
    if (!this.mayChange(current)) {
      this.notify(`Only ${who(current)} can delete their annotation in this space; it was put back.`);
      return this.settle(entry, current, fromDoc(current));
    }
    const { rev } = await this.mirror.put({ ...current, _deleted: true });
    await this.settle(entry, { ...current, _rev: rev, _deleted: true });
  }

  private async pushRecord(
    entry: OutboxEntry,
    record: object,
    current: StoredDoc | null,
    base: string | undefined,
  ) {
    if (current && sameContent(record, fromDoc(current))) return this.settle(entry, current);
    if (current && !this.mayChange(current)) {
      this.notify(`Only ${who(current)} can change their annotation in this space; your change was undone.`);
      return this.settle(entry, current, fromDoc(current));
    }
    let doc = { ...this.stamped(entry.table, record, current), _id: entry.id } as StoredDoc;
    if (current && base !== current._rev) doc = mergeVersions([{ ...doc, _rev: base ?? '0-' }, current]);
    const { _conflicts, ...content } = doc;
    void _conflicts;
    const { rev } = await this.mirror.put({ ...content, _id: entry.id, _rev: current?._rev });
    await this.settle(entry, { ...content, _rev: rev } as StoredDoc, fromDoc(content as StoredDoc));
  }

  /** The record as the space stores it: an annotation with its author and, now, its editor. */
  private stamped(table: SyncedTable, record: object, current: StoredDoc | null) {
    const doc = toDoc(table, record as never);
    if (doc.type !== 'annotation') return doc;
    const author = (current as Annotation | null)?.author ?? doc.author ?? this.me;
    return { ...doc, author, editor: this.me };
  }

  /**
   * Marks an outbox entry sent, unless the record changed again meanwhile (then it goes in the
   * next round, from the revision just written), and writes back what the space now holds.
   */
  private async settle(entry: OutboxEntry, doc: StoredDoc | null, writeBack?: object) {
    const table = this.db.table(entry.table);
    await this.db.transaction('rw', [table, this.db.outbox, this.db.spaceRevs], async () => {
      if (doc?._rev) await this.db.spaceRevs.put({ id: entry.id, rev: doc._rev });
      if ((await this.db.outbox.get(entry.id))?.change !== entry.change) return;
      if (writeBack && !sameContent(writeBack, (await table.get(entry.key)) ?? {}))
        await table.put(writeBack);
      await this.db.outbox.delete(entry.id);
    });
  }

  /** Writes one merge of a document's conflicting versions and retires the others. */
  private async resolve(doc: StoredDoc): Promise<void> {
    const others = await Promise.all(doc._conflicts!.map((rev) => this.mirror.get(doc._id, { rev })));
    const { _conflicts, _rev, ...merged } = mergeVersions([doc, ...others]);
    (void _conflicts, _rev);
    await this.mirror.bulkDocs([
      { ...merged, _id: doc._id, _rev: doc._rev },
      ...others.map((other) => ({ _id: doc._id, _rev: other._rev, _deleted: true })),
    ]);
  }

  private async current(id: string): Promise<StoredDoc | null> {
    try {
      return await this.mirror.get(id, { conflicts: true });
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  private mayChange(doc: StoredDoc): boolean {
    if (doc.type !== 'annotation' || this.rules.editOthers) return true;
    return !doc.author || doc.author.user === this.me.user;
  }
}

function who(doc: StoredDoc): string {
  const person = doc.type === 'annotation' ? (doc.editor ?? doc.author) : undefined;
  return person?.name || 'A colleague';
}

/** Same fields and values, whatever their order (records are plain JSON). */
export function sameContent(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
