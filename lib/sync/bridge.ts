// The bridge between the extension's database (Dexie, the store of record) and its local copy
// of the team space (a PouchDB mirror that PouchDB replicates with CouchDB). Local changes go
// out from the outbox (../db/outbox.ts); the space's changes come in from the mirror's feed.
// Each record remembers the space revision it was last in step with, so a local change made
// while a colleague's change arrived is merged (conflicts.ts) rather than written over it.

import type { AnnotatorDb } from '../db/database';
import type { OutboxEntry } from '../db/outbox';
import type { Annotation, Person } from '../model';
import { EVERY_DOCUMENT } from '../messages/protocol';
import { mergeVersions } from './conflicts';
import { checkSpaceRecord } from './check-record';
import type { Mirror, MirrorChange } from './mirror';
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

/** What sending one outbox entry takes: a write to the mirror, if any, and what to settle here. */
interface Step {
  entry: OutboxEntry;
  write?: Record<string, unknown>;
  /** The space's version once written (its revision filled in by the write). */
  settled: StoredDoc | null;
  writeBack?: object;
  notice?: string;
  skipped?: boolean;
}
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

  /**
   * Sends a batch of what the outbox names to the mirror: one read of the mirror, one write,
   * one transaction here. Returns how many changes wait still. `wrote` hears the ids written to
   * the mirror as soon as they are, before its replication can send them.
   */
  async push(wrote: (ids: string[]) => void = () => {}): Promise<number> {
    const entries = await this.db.outbox.limit(BATCH).toArray();
    if (entries.length === 0) return 0;
    const ids = entries.map((entry) => entry.id);
    const records = await Promise.all(entries.map((entry) => this.db.table(entry.table).get(entry.key)));
    const bases = await this.db.spaceRevs.bulkGet(ids);
    const currents = await this.currentAll(ids);
    const steps = entries.map((entry, i) =>
      records[i]
        ? this.planRecord(entry, records[i], currents[i]!, bases[i]?.rev)
        : this.planDelete(entry, currents[i]!, bases[i]?.rev),
    );
    const writing = steps.filter((step) => step.write);
    if (writing.length > 0) {
      const results = await this.mirror.bulkDocs(writing.map((step) => step.write!));
      results.forEach((result, i) => {
        const step = writing[i]!;
        // The space changed under us (409): the entry stays, and the next round merges.
        if (result.error || !result.rev) step.skipped = true;
        else step.settled = { ...step.settled!, _rev: result.rev };
      });
      wrote(writing.filter((step) => !step.skipped).map((step) => step.entry.id));
    }
    const done = steps.filter((step) => !step.skipped);
    await this.settleAll(done);
    for (const step of done) if (step.notice) this.notify(step.notice);
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

  /**
   * Applies one change of the mirror's feed to the local database; returns the annotation's
   * document, or EVERY_DOCUMENT for a theme.
   */
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
      if (place.table === 'themes') return EVERY_DOCUMENT; // every page's dialog lists them
      if (place.table !== 'annotations') return undefined;
      return ((record ?? before) as { url?: string } | undefined)?.url;
    });
  }

  private planDelete(entry: OutboxEntry, current: StoredDoc | null, base: string | undefined): Step {
    if (!current) return { entry, settled: null };
    if (base !== current._rev) {
      // Deleted here while a colleague edited it: the edit is kept.
      const notice =
        current.type === 'annotation'
          ? `${who(current)} changed an annotation you deleted, so it was kept.`
          : undefined;
      return { entry, settled: current, writeBack: fromDoc(current), notice };
    }
    if (!this.mayChange(current)) {
      const notice = `Only ${who(current)} can delete their annotation in this space; it was put back.`;
      return { entry, settled: current, writeBack: fromDoc(current), notice };
    }
    const tombstone = { _id: current._id, _rev: current._rev, _deleted: true };
    return { entry, write: tombstone, settled: { ...current, _deleted: true } };
  }

  private planRecord(
    entry: OutboxEntry,
    record: object,
    current: StoredDoc | null,
    base: string | undefined,
  ): Step {
    if (current && sameContent(record, fromDoc(current))) return { entry, settled: current };
    if (current && !this.mayChange(current)) {
      const notice = `Only ${who(current)} can change their annotation in this space; your change was undone.`;
      return { entry, settled: current, writeBack: fromDoc(current), notice };
    }
    let doc = { ...this.stamped(entry.table, record, current), _id: entry.id } as StoredDoc;
    if (current && base !== current._rev) doc = mergeVersions([{ ...doc, _rev: base ?? '0-' }, current]);
    const { _conflicts, _rev, ...content } = doc;
    (void _conflicts, _rev);
    return {
      entry,
      write: { ...content, _id: entry.id, ...(current && { _rev: current._rev }) },
      settled: content as StoredDoc,
      writeBack: fromDoc(content as StoredDoc),
    };
  }

  /** The record as the space stores it: an annotation with its author and, now, its editor. */
  private stamped(table: SyncedTable, record: object, current: StoredDoc | null) {
    const doc = toDoc(table, record as never);
    if (doc.type !== 'annotation') return doc;
    const author = (current as Annotation | null)?.author ?? doc.author ?? this.me;
    return { ...doc, author, editor: this.me };
  }

  /**
   * Marks outbox entries sent, unless a record changed again meanwhile (then it goes in the
   * next round, from the revision just written), and writes back what the space now holds.
   */
  private async settleAll(steps: Step[]) {
    if (steps.length === 0) return;
    const tables = [...new Set(steps.map((step) => step.entry.table))].map((name) => this.db.table(name));
    await this.db.transaction('rw', [...tables, this.db.outbox, this.db.spaceRevs], async () => {
      for (const { entry, settled, writeBack } of steps) {
        const table = this.db.table(entry.table);
        if (settled?._rev) await this.db.spaceRevs.put({ id: entry.id, rev: settled._rev });
        if ((await this.db.outbox.get(entry.id))?.change !== entry.change) continue;
        if (writeBack && !sameContent(writeBack, (await table.get(entry.key)) ?? {}))
          await table.put(writeBack);
        await this.db.outbox.delete(entry.id);
      }
    });
  }

  /**
   * Writes one merge of a document's conflicting versions and retires the others. The merge
   * continues the branch of the version whose content won (not CouchDB's own pick), so that
   * to the space's rules it is that version, kept, with the other notes added (design-doc.ts).
   */
  private async resolve(doc: StoredDoc): Promise<void> {
    const others = await Promise.all(doc._conflicts!.map((rev) => this.mirror.get(doc._id, { rev })));
    const versions = [doc, ...others];
    const { _conflicts, _rev: winner, ...merged } = mergeVersions(versions);
    void _conflicts;
    await this.mirror.bulkDocs([
      { ...merged, _id: doc._id, _rev: winner },
      ...versions
        .filter((version) => version._rev !== winner)
        .map((version) => ({ _id: doc._id, _rev: version._rev, _deleted: true })),
    ]);
  }

  /** The mirror's current version of each document, or null where it has none (or a deleted one). */
  private async currentAll(ids: string[]): Promise<Array<StoredDoc | null>> {
    const { rows } = await this.mirror.allDocs({ keys: ids, include_docs: true, conflicts: true });
    return rows.map((row) => row.doc ?? null);
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
