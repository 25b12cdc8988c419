// Issue 14: an import reports its progress (read, parse, check, then write batch by batch)
// and can be cancelled at any of those points; one transaction, so a cancelled import leaves
// the database exactly as it was, outbox included.

import { createAnnotation, listThemes } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import {
  describeImportProgress,
  IMPORT_BATCH,
  IMPORT_CANCELLED,
  ImportCancelled,
  importContents,
  importFile,
  type ImportProgress,
} from '../../../lib/db/import';
import { buildJsonExport } from '../../../lib/export/json';
import { readAnyExport } from '../../../lib/export/read-any';
import type { Annotation, DocumentRecord } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, REPORT_URL, T0 } from './helpers';

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const COUNT = IMPORT_BATCH * 2 + 500;

function manyAnnotations(n: number): { annotations: Annotation[]; documents: DocumentRecord[] } {
  const at = '2026-03-10T10:00:00.000Z';
  const documents = [0, 1, 2].map((d) => ({
    url: `https://www.example-news.co.uk/news/${d}`,
    title: `News ${d}`,
    createdAt: at,
    updatedAt: at,
  }));
  const annotations = Array.from({ length: n }, (_, i): Annotation => {
    const quote = `Passage number ${i} of the report.`;
    return {
      id: `imported-${i}`,
      url: documents[i % 3]!.url,
      quote,
      selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
      themes: [DEFAULT_THEMES[i % DEFAULT_THEMES.length]!.id, 'a-new-theme'],
      severity: 2,
      note: '',
      createdAt: at,
      updatedAt: at,
    };
  });
  return { annotations, documents };
}

/** The default themes and one the database does not have yet. */
const THEMES = [
  ...DEFAULT_THEMES,
  { id: 'a-new-theme', label: 'A new theme', color: '#123456', order: DEFAULT_THEMES.length, retired: false },
];

function fileOf(n: number) {
  const text = JSON.stringify(buildJsonExport({ ...manyAnnotations(n), themes: THEMES }));
  return { size: text.length, text: async () => text };
}

async function everything() {
  return {
    annotations: await db.annotations.toArray(),
    documents: await db.documents.toArray(),
    themes: await listThemes(db),
    outbox: (await db.outbox.toArray()).map(({ id, table, key }) => ({ id, table, key })),
  };
}

describe('import progress', () => {
  it('reports reading, parsing, checking, then writing batch by batch up to the total', async () => {
    const seen: ImportProgress[] = [];
    const file = fileOf(COUNT);
    const result = await importFile(db, file, { onProgress: (p) => seen.push({ ...p }) });
    expect(result.added).toBe(COUNT);
    expect(seen.slice(0, 3)).toEqual([
      { phase: 'reading', done: 0, total: file.size },
      { phase: 'parsing', done: 0, total: file.size },
      { phase: 'checking', done: 0, total: COUNT },
    ]);
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.map((p) => p.done)).toEqual([0, IMPORT_BATCH, IMPORT_BATCH * 2, COUNT]);
    expect(writing.every((p) => p.total === COUNT)).toBe(true);
    expect(await db.annotations.count()).toBe(COUNT);
    // Every imported annotation is named in the outbox, as before.
    expect((await db.outbox.toArray()).filter((e) => e.table === 'annotations')).toHaveLength(COUNT);
  });
});

describe('cancelling an import', () => {
  async function seeded() {
    await createAnnotation(db, { url: REPORT_URL, title: 'Mine', draft: draft() }, T0);
    return everything();
  }

  for (const phase of ['reading', 'parsing', 'checking'] as const) {
    it(`while ${phase} changes nothing`, async () => {
      const before = await seeded();
      const controller = new AbortController();
      const imported = importFile(db, fileOf(COUNT), {
        signal: controller.signal,
        onProgress: (p) => p.phase === phase && controller.abort(),
      });
      await expect(imported).rejects.toThrow(ImportCancelled);
      await expect(imported).rejects.toThrow(IMPORT_CANCELLED);
      expect(await everything()).toEqual(before);
    });
  }

  it('between written batches rolls back what was written, themes, documents and outbox too', async () => {
    const before = await seeded();
    const controller = new AbortController();
    const seen: number[] = [];
    const imported = importFile(db, fileOf(COUNT), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase !== 'writing') return;
        seen.push(p.done);
        if (p.done === IMPORT_BATCH * 2) controller.abort();
      },
    });
    await expect(imported).rejects.toThrow(IMPORT_CANCELLED);
    expect(seen).toEqual([0, IMPORT_BATCH, IMPORT_BATCH * 2]);
    expect(await everything()).toEqual(before);
  });

  it('before importContents starts writes nothing', async () => {
    const before = await seeded();
    const controller = new AbortController();
    controller.abort();
    const contents = readAnyExport(
      JSON.parse(JSON.stringify(buildJsonExport({ ...manyAnnotations(10), themes: THEMES }))),
    );
    await expect(importContents(db, contents, { signal: controller.signal })).rejects.toThrow(
      ImportCancelled,
    );
    expect(await everything()).toEqual(before);
  });

  it('after cancelling, the same file imports to the end', async () => {
    const controller = new AbortController();
    await importFile(db, fileOf(COUNT), {
      signal: controller.signal,
      onProgress: (p) => p.phase === 'writing' && p.done > 0 && controller.abort(),
    }).catch(() => {});
    expect(await db.annotations.count()).toBe(0);
    const result = await importFile(db, fileOf(COUNT));
    expect(result).toMatchObject({ added: COUNT, updated: 0, unchanged: 0 });
  });
});

describe('describeImportProgress', () => {
  it('words each step', () => {
    expect(describeImportProgress({ phase: 'reading', done: 0, total: 17_301_504 })).toBe(
      'Reading the file (16.5 MB)…',
    );
    expect(describeImportProgress({ phase: 'checking', done: 0, total: 10_000 })).toBe(
      'Checking 10,000 annotations…',
    );
    expect(describeImportProgress({ phase: 'writing', done: 4000, total: 10_000 })).toBe(
      'Importing 4,000 of 10,000 annotations…',
    );
  });
});
