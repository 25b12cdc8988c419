// Upgrades (issue point 5). Every database version has a fixture in tests/fixtures/upgrades/
// (its object stores as IndexedDB held them); each is created with the plain IndexedDB API at
// its version, then opened with the current code, which must reach the current version with
// every row there. Every export format version has a fixture too; each is read and imported
// into an empty database, must give exactly what the file says, and must survive being
// exported again and reimported. See tests/fixtures/upgrades/README.md.
//
// Adding database version N: its fixture db-vN.json (make-fixtures.ts), an entry in
// DB_FIXTURES, and in UPGRADES what its upgrade() does to version N-1's rows.

import { annotationsForUrl, createAnnotation, listThemes } from '../../../lib/db/annotations';
import { AnnotatorDb, DB_VERSION, SCHEMA_VERSIONS } from '../../../lib/db/database';
import { importFile } from '../../../lib/db/import';
import { buildJsonExport, EXPORT_VERSION, exportAll } from '../../../lib/export/json';
import { READABLE_VERSIONS } from '../../../lib/export/read';
import { readAnyExport } from '../../../lib/export/read-any';
import {
  ANNOTATION_ID_PREFIX,
  buildW3cCollection,
  THEME_ID_PREFIX,
  W3C_EXTENSION_VERSION,
} from '../../../lib/export/w3c';
import type { Annotation, Citation, DocumentRecord, Selector, Theme } from '../../../lib/model';
import { UNRATED } from '../../../lib/taxonomy/severity';
import dbV1 from '../../fixtures/upgrades/db-v1.json';
import dbV2 from '../../fixtures/upgrades/db-v2.json';
import dbV3 from '../../fixtures/upgrades/db-v3.json';
import exportNativeV1 from '../../fixtures/upgrades/export-native-v1.json';
import exportNativeV2 from '../../fixtures/upgrades/export-native-v2.json';
import exportNativeV3 from '../../fixtures/upgrades/export-native-v3.json';
import exportW3cV1 from '../../fixtures/upgrades/export-w3c-v1.json';
import exportW3cV2 from '../../fixtures/upgrades/export-w3c-v2.json';
import { expectValidExport, expectValidV1Export, expectValidV2Export } from '../export/validate-export';
import { w3cCollectionViolations } from '../export/w3c-musts';
import { dump, type Dump } from './fuzz/oracle';
import { draft, freshDb } from './helpers';
import { storeShapes, type StoreShape } from './store-shapes';

type Json = any;
type Rows = Record<string, Json[]>;

interface DbFixture {
  version: number;
  idbVersion: number;
  /** The version's schema as database.ts declares it (Dexie's notation). */
  schema: Record<string, string>;
  /** The object stores and indexes IndexedDB held at that version. */
  objectStores: StoreShape[];
  rows: Rows;
}

/** One fixture per database version, oldest first. */
const DB_FIXTURES: DbFixture[] = [dbV1 as DbFixture, dbV2 as DbFixture, dbV3 as DbFixture];

/**
 * What each version's upgrade() does to the rows of the version before it; a version that
 * only adds indexes leaves them as they are. For example:
 *
 *   2: (rows) => ({ ...rows, annotations: rows.annotations.map((a) => ({ ...a, newField: … })) }),
 */
const UPGRADES: Record<number, (rows: Rows) => Rows> = {
  // Team spaces: two new, empty tables (on connecting, every record is sent).
  2: (rows) => ({ ...rows, outbox: [], spaceRevs: [] }),
  // Positions count code points: the fixture has no character outside the BMP, so none moves
  // (the test "converts positions…" below shows one that does).
  3: (rows) => rows,
};

/** The rows a database of `fixture`'s version must hold once upgraded to the current version. */
function upgradedRows(fixture: DbFixture): Rows {
  let rows = structuredClone(fixture.rows);
  for (let version = fixture.version + 1; version <= DB_VERSION; version++) {
    rows = UPGRADES[version]?.(rows) ?? rows;
  }
  return rows;
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Creates `name` as `fixture`'s version left it, with the plain IndexedDB API (Dexie multiplies versions by 10). */
async function createRaw(name: string, fixture: DbFixture): Promise<void> {
  const open = indexedDB.open(name, fixture.idbVersion);
  open.onupgradeneeded = () => {
    for (const shape of fixture.objectStores) {
      const store = open.result.createObjectStore(shape.name, {
        keyPath: shape.keyPath,
        autoIncrement: shape.autoIncrement,
      });
      for (const index of shape.indexes) {
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    }
  };
  const idb = await request(open);
  const tx = idb.transaction(Object.keys(fixture.rows), 'readwrite');
  for (const [store, rows] of Object.entries(fixture.rows)) {
    for (const row of rows) tx.objectStore(store).put(row);
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
}

/** The database's version and object stores, read with the plain IndexedDB API. */
async function rawShape(name: string): Promise<{ version: number; objectStores: StoreShape[] }> {
  const idb = await request(indexedDB.open(name));
  const objectStores = storeShapes(idb);
  idb.close();
  return { version: idb.version, objectStores };
}

/** `rows`, each table in its primary key's order, as dump() reads them. */
function inKeyOrder(rows: Rows, shapes: StoreShape[]): Dump {
  const sorted: Dump = {};
  for (const name of Object.keys(rows).sort()) {
    const keyPath = shapes.find((s) => s.name === name)!.keyPath as string;
    sorted[name] = [...rows[name]!].sort((a, b) =>
      a[keyPath] < b[keyPath] ? -1 : a[keyPath] > b[keyPath] ? 1 : 0,
    );
  }
  return sorted;
}

describe('database versions', () => {
  it('has a fixture for every version of the schema', () => {
    expect(DB_FIXTURES.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
    expect(DB_VERSION).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it.each(DB_FIXTURES.map((f) => [f.version, f] as const))(
    'keeps version %i as published: its fixture has the schema database.ts declares',
    (version, fixture) => {
      expect(SCHEMA_VERSIONS.find((v) => v.version === version)?.stores).toEqual(fixture.schema);
      expect(fixture.idbVersion).toBe(version * 10);
    },
  );

  describe.each(DB_FIXTURES.map((f) => [f.version, f] as const))(
    'a database at version %i',
    (version, fixture) => {
      let db: AnnotatorDb;
      beforeEach(async () => {
        const name = `upgrade-v${version}-${crypto.randomUUID()}`;
        await createRaw(name, fixture);
        db = new AnnotatorDb(name);
        await db.open();
      });
      afterEach(async () => {
        await db.delete();
      });

      it(`opens at the current version (${DB_VERSION}) with every row there, as the upgrades leave it`, async () => {
        expect(db.verno).toBe(DB_VERSION);
        const latest = DB_FIXTURES.at(-1)!;
        const tables = await dump(db, db.tables);
        expect(tables).toStrictEqual(inKeyOrder(upgradedRows(fixture), latest.objectStores));
        // Nothing added: the default themes are seeded only when a database is created.
        expect(tables.themes).toHaveLength(upgradedRows(fixture).themes!.length);

        db.close();
        expect(await rawShape(db.name)).toEqual({
          version: DB_VERSION * 10,
          objectStores: latest.objectStores,
        });
      });

      it('answers queries by its indexes and takes new annotations', async () => {
        const rows = upgradedRows(fixture);
        const [first] = rows.annotations as Annotation[];
        const sameUrl = (rows.annotations as Annotation[]).filter((a) => a.url === first!.url);
        expect((await annotationsForUrl(db, first!.url)).map((a) => a.id).sort()).toEqual(
          sameUrl.map((a) => a.id).sort(),
        );
        for (const theme of rows.themes as Theme[]) {
          const using = (rows.annotations as Annotation[]).filter((a) => a.themes.includes(theme.id));
          expect(await db.annotations.where('themes').equals(theme.id).count()).toBe(using.length);
        }
        expect((await listThemes(db)).map((t) => t.id)).toEqual(
          [...(rows.themes as Theme[])].sort((a, b) => a.order - b.order).map((t) => t.id),
        );

        const added = await createAnnotation(db, { url: first!.url, title: 'Reopened', draft: draft() });
        expect(await db.annotations.get(added.id)).toEqual(added);
      });
    },
  );
});

describe('database version 3', () => {
  it('converts positions stored in UTF-16 units to code points, by the emoji in the prefix and quote', async () => {
    const fixture = structuredClone(dbV2 as DbFixture);
    const [stored] = fixture.rows.annotations as Annotation[];
    const prefix = 'said it was great 👍 and more. ';
    const exact = 'Plans are reviewed 🔁 every month';
    stored!.quote = exact;
    stored!.selectors = [
      { type: 'TextQuoteSelector', exact, prefix, suffix: '' },
      { type: 'TextPositionSelector', start: 120, end: 120 + exact.length },
    ];
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    await createRaw(name, fixture);
    const db = new AnnotatorDb(name);
    await db.open();
    try {
      const [, position] = (await db.annotations.get(stored!.id))!.selectors;
      // One pair in the prefix moves the start back by one; the quote is 32 code points, not 33 units.
      expect(position).toEqual({ type: 'TextPositionSelector', start: 119, end: 119 + 32 });
      expect(exact.length).toBe(33);
    } finally {
      await db.delete();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Export formats

interface Expected {
  themes: Theme[];
  annotations: Annotation[];
  documents: DocumentRecord[];
}

const CITATION_FIELDS = ['page', 'pageEnd', 'paragraph', 'section'] as const;
const DETAIL_FIELDS = ['localAuthority', 'visitType', 'inspectionDates', 'judgements'] as const;

const themesOf = (themes: Json[]): Theme[] =>
  themes.map((t, i) => ({
    id: t.id,
    label: t.label,
    color: t.color,
    order: t.order ?? i,
    retired: t.retired ?? false,
  }));

/** One record per document, as its first annotation describes it; dates from its annotations when it has none. */
function documentsOf(
  items: Array<{
    annotation: Annotation;
    document: Partial<DocumentRecord> & { url: string; title: string };
  }>,
) {
  const byUrl = new Map<
    string,
    { document: (typeof items)[number]['document']; annotations: Annotation[] }
  >();
  for (const { annotation, document } of items) {
    const entry = byUrl.get(document.url) ?? { document, annotations: [] };
    entry.annotations.push(annotation);
    byUrl.set(document.url, entry);
  }
  return [...byUrl.values()].map(({ document, annotations }): DocumentRecord => ({
    url: document.url,
    title: document.title,
    ...(document.details && { details: document.details }),
    createdAt: document.createdAt ?? annotations.map((a) => a.createdAt).sort()[0]!,
    updatedAt:
      document.updatedAt ??
      annotations
        .map((a) => a.updatedAt)
        .sort()
        .at(-1)!,
  }));
}

/**
 * A native file (version 1, 2 or 3) as its JSON Schema describes it. Its data has no character
 * outside the Basic Multilingual Plane, so positions in UTF-16 units (versions 1 and 2) and in
 * code points (version 3) are the same numbers.
 */
function fromNative(file: Json): Expected {
  const items = file.annotations.map((item: Json) => {
    const hasCitation = file.version >= 2 && item.page !== undefined;
    const citation = hasCitation
      ? (Object.fromEntries(
          CITATION_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]),
        ) as Citation)
      : undefined;
    const annotation: Annotation = {
      id: item.id,
      url: item.document.url,
      quote: item.quote,
      selectors: item.selectors,
      themes: item.themes,
      severity: item.severity,
      note: item.note,
      ...(citation && { citation }),
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    };
    const doc = item.document;
    const document =
      file.version >= 2
        ? {
            url: doc.url,
            title: doc.title,
            createdAt: doc.createdAt,
            updatedAt: doc.updatedAt,
            ...(doc.localAuthority !== undefined && {
              details: Object.fromEntries(DETAIL_FIELDS.map((f) => [f, doc[f]])) as DocumentRecord['details'],
            }),
          }
        : { url: doc.url, title: doc.title };
    return { annotation, document };
  });
  return {
    themes: themesOf(file.themes),
    annotations: items.map((i: Json) => i.annotation),
    documents: documentsOf(items),
  };
}

/** The theme id of a tagging body: its id's (version 1) or its "ofsted-annotator:theme" (version 2). */
const themeOfTag = (body: Json, version: number): string =>
  version === 1 ? decodeURIComponent(body.id.slice(THEME_ID_PREFIX.length)) : body['ofsted-annotator:theme'];

/** A W3C collection as w3c.ts's header (of the file's version) says to rebuild each annotation. */
function fromW3c(collection: Json): Expected {
  const version = collection['ofsted-annotator:version'];
  const items = collection.first.items.map((item: Json) => {
    const target = item.target;
    const bodies: Json[] = item.body ?? [];
    const severity =
      bodies.find((b: Json) => b.purpose === 'assessing')?.['ofsted-annotator:severity'] ?? UNRATED;
    const note = bodies.find((b: Json) => b.purpose === 'commenting')?.value ?? '';
    const themes = bodies.filter((b: Json) => b.purpose === 'tagging').map((b) => themeOfTag(b, version));
    const annotation: Annotation = {
      id: item.id.slice(ANNOTATION_ID_PREFIX.length),
      url: target.source,
      quote: target['ofsted-annotator:quote'],
      selectors: target.selector.filter((s: Selector | { type: string }) => s.type !== 'FragmentSelector'),
      themes,
      severity,
      note,
      ...(target['ofsted-annotator:citation'] && { citation: target['ofsted-annotator:citation'] }),
      createdAt: item.created,
      updatedAt: item.modified,
    };
    const record = target['ofsted-annotator:document'];
    return {
      annotation,
      document: record ? { url: target.source, ...record } : { url: target.source, title: target.source },
    };
  });
  return {
    themes: themesOf(collection['ofsted-annotator:themes']),
    annotations: items.map((i: Json) => i.annotation),
    documents: documentsOf(items),
  };
}

type Writer = (source: Expected) => unknown;
const writeNative: Writer = (source) => buildJsonExport(source, new Date('2026-04-01T00:00:00.000Z'));
const writeW3c: Writer = (source) =>
  buildW3cCollection(source, { now: new Date('2026-04-01T00:00:00.000Z') });

interface ExportFixture {
  name: string;
  file: Json;
  /** The format's version: `version` of a native file, `ofsted-annotator:version` of a W3C one. */
  version: number;
  expected: (file: Json) => Expected;
  validate?: (file: unknown) => void;
  /** The current writer of the same kind. */
  write: Writer;
}

const EXPORT_FIXTURES: ExportFixture[] = [
  {
    name: 'native version 1',
    file: exportNativeV1,
    version: 1,
    expected: fromNative,
    validate: expectValidV1Export,
    write: writeNative,
  },
  {
    name: 'native version 2',
    file: exportNativeV2,
    version: 2,
    expected: fromNative,
    validate: expectValidV2Export,
    write: writeNative,
  },
  {
    name: 'native version 3',
    file: exportNativeV3,
    version: 3,
    expected: fromNative,
    validate: expectValidExport,
    write: writeNative,
  },
  {
    name: 'W3C, extension properties version 1',
    file: exportW3cV1,
    version: 1,
    expected: fromW3c,
    write: writeW3c,
  },
  {
    name: 'W3C, extension properties version 2',
    file: exportW3cV2,
    version: 2,
    expected: fromW3c,
    validate: (file) => expect(w3cCollectionViolations(file)).toEqual([]),
    write: writeW3c,
  },
];

const fileOf = (data: unknown) => {
  const text = JSON.stringify(data, null, 2);
  return { size: text.length, text: async () => text };
};

/** A database with nothing in it, not even the default themes. */
async function emptyDb(): Promise<AnnotatorDb> {
  const db = freshDb();
  await db.themes.clear();
  return db;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

describe('export format versions', () => {
  it('has a fixture for every native version the reader reads, and for the W3C extension properties', () => {
    const native = EXPORT_FIXTURES.filter((f) => f.write === writeNative).map((f) => f.version);
    expect(native).toEqual([...READABLE_VERSIONS]);
    expect(native).toContain(EXPORT_VERSION);
    const w3c = EXPORT_FIXTURES.filter((f) => f.write === writeW3c).map((f) => f.version);
    expect(w3c).toEqual(Array.from({ length: W3C_EXTENSION_VERSION }, (_, i) => i + 1));
  });

  describe.each(EXPORT_FIXTURES.map((f) => [f.name, f] as const))('a file of %s', (_name, fixture) => {
    let db: AnnotatorDb;
    let again: AnnotatorDb;
    beforeEach(async () => {
      db = await emptyDb();
      again = await emptyDb();
    });
    afterEach(async () => {
      await db.delete();
      await again.delete();
    });

    it('is the version it says', () => {
      fixture.validate?.(fixture.file);
      const version =
        fixture.write === writeNative ? fixture.file.version : fixture.file['ofsted-annotator:version'];
      expect(version).toBe(fixture.version);
    });

    it('is read as the file says', () => {
      const expected = fixture.expected(fixture.file);
      const contents = readAnyExport(structuredClone(fixture.file));
      expect(contents.themes).toStrictEqual(expected.themes);
      expect([...contents.annotations].sort(byId)).toStrictEqual([...expected.annotations].sort(byId));
      expect([...contents.documents].sort(byUrl)).toStrictEqual([...expected.documents].sort(byUrl));
    });

    it('is imported into an empty database whole, and exported and imported again unchanged', async () => {
      const expected = fixture.expected(fixture.file);
      const result = await importFile(db, fileOf(fixture.file));
      expect(result).toMatchObject({
        added: expected.annotations.length,
        updated: 0,
        unchanged: 0,
        themesAdded: expected.themes.length,
      });
      const tables = await dump(db);
      expect(tables.annotations).toStrictEqual([...expected.annotations].sort(byId));
      expect(tables.documents).toStrictEqual([...expected.documents].sort(byUrl));
      // Themes come in the file's order, numbered from 0 in an empty database.
      const ordered = [...expected.themes]
        .sort((a, b) => a.order - b.order)
        .map((t, order) => ({ ...t, order }));
      expect(tables.themes).toStrictEqual(ordered.sort(byId));

      const source =
        fixture.write === writeNative ? await exportAll(db) : fixture.write(await contentsOf(db));
      expect(await importFile(again, fileOf(source))).toMatchObject({ added: expected.annotations.length });
      expect(await dump(again)).toStrictEqual(tables);
    });
  });
});

async function contentsOf(db: AnnotatorDb): Promise<Expected> {
  return {
    annotations: await db.annotations.toArray(),
    documents: await db.documents.toArray(),
    themes: await db.themes.toArray(),
  };
}
