// Two browsers of one team space, in memory: each has its own extension database (Dexie on
// fake-indexeddb) and its own PouchDB mirror; `sync()` replicates the mirrors both ways, as
// PouchDB does through the CouchDB server, then each bridge sends and takes what it has.

import PouchDB from 'pouchdb-browser';
import memory from 'pouchdb-adapter-memory';
import type { AnnotatorDb } from '../../../lib/db/database';
import type { Person } from '../../../lib/model';
import { SpaceBridge, type SpaceRules } from '../../../lib/sync/bridge';
import type { Mirror } from '../../../lib/sync/mirror';
import { freshDb } from '../db/helpers';

PouchDB.plugin(memory);

export interface Browser {
  db: AnnotatorDb;
  mirror: Mirror & { replicate: { to(other: unknown): Promise<unknown> } };
  bridge: SpaceBridge;
  notices: string[];
}

export const ANN: Person = { user: 'ann', name: 'Ann Scrutiny' };
export const BEN: Person = { user: 'ben', name: 'Ben Lead Member' };

export function browserOf(me: Person, rules: SpaceRules = { editOthers: false }): Browser {
  const db = freshDb();
  const mirror = new PouchDB(`mirror-${crypto.randomUUID()}`, { adapter: 'memory' });
  const notices: string[] = [];
  const bridge = new SpaceBridge(db, mirror as unknown as Mirror, me, rules, (m) => notices.push(m));
  return { db, mirror, bridge, notices };
}

/** Everyone sends, the mirrors replicate both ways, everyone takes; twice, so merges settle. */
export async function sync(...browsers: Browser[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const b of browsers) await b.bridge.push();
    for (const from of browsers) {
      for (const to of browsers) if (from !== to) await from.mirror.replicate.to(to.mirror);
    }
    for (const b of browsers) await b.bridge.pullAll();
  }
}
