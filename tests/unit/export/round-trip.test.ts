// Export, then import into a fresh database: everything comes back exactly, for the W3C file
// and the native one. The source holds what the standard and export version 3 care about: an
// emoji before and inside a quote (positions in code points), an unrated annotation, one
// waiting for its quote, a report's annotation with its citation, and a theme whose id is
// neither its label's slug nor URI-safe.

import type { AnnotatorDb } from '../../../lib/db/database';
import { importFile } from '../../../lib/db/import';
import { buildJsonExport, exportAll } from '../../../lib/export/json';
import { buildW3cCollection } from '../../../lib/export/w3c';
import { freshDb, T2 } from '../db/helpers';
import { standardSource } from './standard-samples';

let source: AnnotatorDb;
let fresh: AnnotatorDb;

/** A database with nothing in it, not even the default themes. */
async function emptyDb(): Promise<AnnotatorDb> {
  const db = freshDb();
  await db.themes.clear();
  return db;
}

beforeEach(async () => {
  source = await emptyDb();
  fresh = await emptyDb();
  const { annotations, themes, documents } = standardSource();
  // Ordered from 0, as an import into an empty database numbers them.
  const ordered = [...themes].sort((a, b) => a.order - b.order).map((t, order) => ({ ...t, order }));
  await source.transaction('rw', [source.annotations, source.documents, source.themes], async () => {
    await source.themes.bulkAdd(ordered);
    await source.documents.bulkAdd(documents);
    await source.annotations.bulkAdd(annotations);
  });
});
afterEach(async () => {
  await source.delete();
  await fresh.delete();
});

const byKey = (key: 'id' | 'url') => (a: any, b: any) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

async function tables(db: AnnotatorDb) {
  return {
    annotations: (await db.annotations.toArray()).sort(byKey('id')),
    documents: (await db.documents.toArray()).sort(byKey('url')),
    themes: (await db.themes.toArray()).sort(byKey('id')),
  };
}

const fileOf = (data: unknown) => {
  const text = JSON.stringify(data, null, 2);
  return { size: text.length, text: async () => text };
};

describe('export, then import into a fresh database', () => {
  it('brings back every annotation, document and theme of a W3C file exactly', async () => {
    const before = await tables(source);
    const file = buildW3cCollection(before, { now: T2 });
    const result = await importFile(fresh, fileOf(file));
    expect(result).toMatchObject({ added: before.annotations.length, updated: 0, unchanged: 0 });
    expect(await tables(fresh)).toStrictEqual(before);
  });

  it('brings back every annotation, document and theme of a native version-3 file exactly', async () => {
    const before = await tables(source);
    const file = await exportAll(source, T2);
    expect(file.version).toBe(3);
    const result = await importFile(fresh, fileOf(file));
    expect(result).toMatchObject({ added: before.annotations.length, updated: 0, unchanged: 0 });
    expect(await tables(fresh)).toStrictEqual(before);
  });

  it('writes the same file again from the imported database', async () => {
    const before = await tables(source);
    await importFile(fresh, fileOf(buildJsonExport(before, T2)));
    const again = await tables(fresh);
    expect(JSON.stringify(buildW3cCollection(again, { now: T2 }))).toBe(
      JSON.stringify(buildW3cCollection(before, { now: T2 })),
    );
  });
});
