import { createAnnotation, listThemes } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import {
  describeImport,
  importContents,
  importFile,
  MAX_IMPORT_BYTES,
  parseJson,
} from '../../../lib/db/import';
import { addTheme, moveTheme, retireTheme } from '../../../lib/db/themes';
import { buildJsonExport, exportAll } from '../../../lib/export/json';
import { readAnyExport } from '../../../lib/export/read-any';
import type { Annotation, DocumentRecord, Theme } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { validExport, type Mutable } from '../export/broken-exports';
import { devonDetails, newsAnnotation, newsRecord, reportAnnotation, reportRecord } from '../export/samples';
import { draft, freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from './helpers';

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const T3 = new Date('2026-03-18T08:00:00.000Z');

/** Everything in the database, in a stable order, to compare before and after. */
async function snapshot(target: AnnotatorDb = db) {
  return {
    annotations: (await target.annotations.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1)),
    documents: (await target.documents.toArray()).sort((a, b) => (a.url < b.url ? -1 : 1)),
    themes: await listThemes(target),
  };
}

/** A file the user chose, holding `json` (or text as it is). */
function fileOf(json: unknown) {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return { size: text.length, text: vi.fn(async () => text) };
}

/** A native export of these annotations, with the sample themes and documents. */
function exportOf(annotations: Annotation[], documents: DocumentRecord[] = [reportRecord, newsRecord]) {
  const themes = DEFAULT_THEMES.filter((t) => ['workforce', 'oversight'].includes(t.id));
  return JSON.parse(JSON.stringify(buildJsonExport({ annotations, themes, documents }, T2))) as Mutable;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: Error) => e.message,
  );

describe('importContents', () => {
  it('adds every annotation and document of a file to an empty database', async () => {
    const result = await importContents(db, readAnyExport(validExport()));
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, themesAdded: 0 });
    expect((await snapshot()).annotations).toEqual([reportAnnotation, newsAnnotation]);
    expect(await db.documents.get(REPORT_URL)).toEqual(reportRecord);
    expect(await db.documents.get(NEWS_URL)).toEqual(newsRecord);
  });

  it('keeps the newer of two copies of an annotation', async () => {
    const stored = { ...newsAnnotation, note: 'edited here', updatedAt: T3.toISOString() };
    await db.annotations.bulkAdd([reportAnnotation, stored]);
    const olderNote = { ...reportAnnotation, note: 'older copy', updatedAt: T0.toISOString() };
    const newerNote = {
      ...newsAnnotation,
      note: 'newer copy',
      updatedAt: new Date('2026-04-01T00:00:00Z').toISOString(),
    };

    const result = await importContents(db, readAnyExport(exportOf([olderNote, newerNote])));

    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 1, themesAdded: 0 });
    expect(await db.annotations.get(reportAnnotation.id)).toEqual(reportAnnotation);
    expect((await db.annotations.get(newsAnnotation.id))?.note).toBe('newer copy');
  });

  it('leaves an annotation changed at the same moment as it is', async () => {
    const stored = { ...newsAnnotation, note: 'mine' };
    await db.annotations.add(stored);
    expect(await importContents(db, readAnyExport(exportOf([newsAnnotation])))).toMatchObject({
      unchanged: 1,
    });
    expect(await db.annotations.get(newsAnnotation.id)).toEqual(stored);
  });

  it('counts added, updated and unchanged annotations of a file that partly overlaps the database', async () => {
    await db.annotations.bulkAdd([{ ...reportAnnotation, updatedAt: T0.toISOString() }, newsAnnotation]);
    const third = {
      ...newsAnnotation,
      id: 'c0ffee00-0000-4000-8000-000000000003',
      quote: 'Caseloads',
      selectors: [{ type: 'TextQuoteSelector' as const, exact: 'Caseloads', prefix: '', suffix: '' }],
    };
    const result = await importContents(
      db,
      readAnyExport(exportOf([reportAnnotation, newsAnnotation, third])),
    );
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1, themesAdded: 0 });
    expect(describeImport(result)).toBe('1 added, 1 updated, 1 unchanged');
  });

  it('changes nothing when the same file is imported twice', async () => {
    const file = exportOf([reportAnnotation, newsAnnotation]);
    await importContents(db, readAnyExport(file));
    const before = await snapshot();
    expect(await importContents(db, readAnyExport(file))).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
      themesAdded: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("adds the file's unknown themes after the database's, with their labels, colours and retired flags", async () => {
    const file = validExport();
    file.themes.push(
      { id: 'youth-justice', label: 'Youth justice', color: '#123456', order: 0, retired: false },
      { id: 'old', label: 'Old topic', color: '#654321', order: 1, retired: true },
    );
    file.annotations[1].themes = ['workforce', 'youth-justice'];

    const result = await importContents(db, readAnyExport(file));

    expect(result.themesAdded).toBe(2);
    expect((await listThemes(db)).slice(-2)).toEqual([
      { id: 'youth-justice', label: 'Youth justice', color: '#123456', order: 18, retired: false },
      { id: 'old', label: 'Old topic', color: '#654321', order: 19, retired: true },
    ]);
    expect(describeImport(result)).toBe('2 added, 0 updated, 0 unchanged, 2 new themes: “Youth justice”, “Old topic”');
  });

  it('names a theme the file uses but does not list by its id, in a neutral colour', async () => {
    const contents = readAnyExport(validExport());
    contents.annotations[1]!.themes = ['workforce', 'mystery'];
    expect((await importContents(db, contents)).themesAdded).toBe(1);
    expect(await db.themes.get('mystery')).toEqual({
      id: 'mystery',
      label: 'mystery',
      color: '#757575',
      order: 18,
      retired: false,
    });
  });

  it('keeps the themes the database has, whatever the file says of them', async () => {
    const file = validExport();
    file.themes[0].label = 'Renamed elsewhere';
    file.themes[0].color = '#000000';
    await importContents(db, readAnyExport(file));
    expect(await listThemes(db)).toEqual(DEFAULT_THEMES);
  });

  it('numbers a new theme whose label another theme already has', async () => {
    const file = validExport();
    file.themes.push({
      id: 'neglect-elsewhere',
      label: 'NEGLECT',
      color: '#123456',
      order: 5,
      retired: false,
    });
    await importContents(db, readAnyExport(file));
    expect((await db.themes.get('neglect-elsewhere'))?.label).toBe('NEGLECT (2)');
  });

  it('makes a theme the file only names (a tag) the stored theme whose label or id it is, ignoring case and spacing', async () => {
    const contents = readAnyExport(validExport());
    const tag = (id: string, label: string, order: number): Theme => ({
      id,
      label,
      color: '#757575',
      order,
      retired: false,
    });
    contents.themes = [
      tag('front-door-and-thresholds', 'FRONT DOOR and  thresholds', 0),
      tag('qa_data', 'qa_data', 1),
      tag('youth-justice', 'Youth justice', 2),
      tag('youth-justice-2', 'youth-justice', 3),
    ];
    contents.annotations[0]!.themes = ['front-door-and-thresholds', 'qa_data', 'front-door'];
    contents.annotations[1]!.themes = ['youth-justice', 'youth-justice-2', 'Early Help'];

    contents.tagThemeIds = contents.themes.map((t) => t.id);
    const result = await importContents(db, contents);

    expect(result.newThemes).toEqual(['Youth justice']);
    expect((await db.annotations.get(contents.annotations[0]!.id))?.themes).toEqual([
      'front-door',
      'qa-data',
    ]);
    expect((await db.annotations.get(contents.annotations[1]!.id))?.themes).toEqual([
      'youth-justice',
      'early-help',
    ]);
  });

  it('keeps a theme the file lists with its own colour apart from a stored theme of the same name', async () => {
    const file = validExport();
    file.themes.push({
      id: 'neglect-elsewhere',
      label: 'Neglect',
      color: '#123456',
      order: 5,
      retired: false,
    });
    file.annotations[1].themes = ['neglect-elsewhere'];
    expect((await importContents(db, readAnyExport(file))).newThemes).toEqual(['Neglect (2)']);
    expect((await db.annotations.get(newsAnnotation.id))?.themes).toEqual(['neglect-elsewhere']);
  });

  it('merges document records: title and details of the later one, the earlier creation date', async () => {
    await db.documents.put({
      url: REPORT_URL,
      title: 'Old title',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: T0.toISOString(),
    });
    await db.documents.put({ ...newsRecord, title: 'Newer title here', updatedAt: T3.toISOString() });
    await importContents(db, readAnyExport(validExport()));
    expect(await db.documents.get(REPORT_URL)).toEqual({
      ...reportRecord,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await db.documents.get(NEWS_URL)).toEqual({
      ...newsRecord,
      title: 'Newer title here',
      updatedAt: T3.toISOString(),
    });
  });

  it('keeps report details the later document record does not have', async () => {
    await db.documents.put({ ...reportRecord, updatedAt: T0.toISOString() });
    const file = validExport();
    for (const field of ['localAuthority', 'visitType', 'inspectionDates', 'judgements']) {
      delete file.annotations[0].document[field];
    }
    await importContents(db, readAnyExport(file));
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(devonDetails);
  });

  it('writes nothing when a write fails part of the way through', async () => {
    await db.annotations.add({ ...newsAnnotation, updatedAt: T0.toISOString() });
    const before = await snapshot();
    db.documents.hook('creating', () => {
      throw new Error('disk full');
    });
    const file = validExport();
    file.themes.push({ id: 'new-one', label: 'New one', color: '#123456', order: 9, retired: false });
    expect(await failure(importContents(db, readAnyExport(file)))).toMatch('disk full');
    expect(await snapshot()).toEqual(before);
  });

  it('imports 10,000 annotations in one go', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...newsAnnotation,
      id: `bulk-${i}`,
      url: `${NEWS_URL}?page=${i % 50}`,
    }));
    const file = buildJsonExport({ annotations: many, themes: DEFAULT_THEMES, documents: [] }, T2);
    expect(await importFile(db, fileOf(file))).toMatchObject({
      added: 10_000,
      updated: 0,
      unchanged: 0,
      themesAdded: 0,
    });
    expect(await db.annotations.count()).toBe(10_000);
    expect(await db.documents.count()).toBe(50);
  });
});

describe('importContents after exportAll', () => {
  it('gives back exactly the same annotations, documents and themes in a new database', async () => {
    const source = freshDb();
    try {
      const own = await addTheme(source, { label: 'Youth justice', color: '#101010' });
      await createAnnotation(
        source,
        {
          url: REPORT_URL,
          title: 'Devon report',
          details: devonDetails,
          draft: draft({ themes: [own.id, 'workforce'], citation: { page: 3, paragraph: 7 } }),
        },
        T0,
      );
      await createAnnotation(
        source,
        { url: NEWS_URL, title: 'News', draft: draft({ note: 'Front page' }) },
        T1,
      );
      const exported = await exportAll(source, T2);

      const result = await importFile(db, fileOf(exported));

      expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, themesAdded: 1 });
      expect(await snapshot(db)).toEqual(await snapshot(source));
    } finally {
      await source.delete();
    }
  });

  it('rebuilds moved, retired and added themes in a database with no themes', async () => {
    const source = freshDb();
    try {
      await addTheme(source, { label: 'Youth justice', color: '#101010' });
      await moveTheme(source, 'youth-justice', 2);
      await retireTheme(source, 'neglect');
      await createAnnotation(
        source,
        { url: NEWS_URL, title: 'News', draft: draft({ themes: ['neglect'] }) },
        T1,
      );
      await db.themes.clear();

      await importFile(db, fileOf(await exportAll(source, T2)));

      expect(await snapshot(db)).toEqual(await snapshot(source));
    } finally {
      await source.delete();
    }
  });
});

describe('importFile', () => {
  it('refuses a file over 256 MB without reading it', async () => {
    const file = { size: MAX_IMPORT_BYTES + 1, text: vi.fn(async () => '{}') };
    expect(await failure(importFile(db, file))).toBe('This file is larger than 256 MB, too large to import.');
    expect(file.text).not.toHaveBeenCalled();
  });

  it('says where a file stops being JSON', async () => {
    const message = await failure(
      importFile(db, fileOf('{\n  "format": "ofsted-annotator",\n  "version": 2,,\n}')),
    );
    expect(message).toMatch(/^This file is not valid JSON: line 3, column 16: /);
  });

  it('says a file that ends too soon is not JSON, and where it ends', async () => {
    expect(await failure(importFile(db, fileOf('{\n  "format":')))).toBe(
      'This file is not valid JSON: line 2, column 12: the file ends too soon',
    );
    expect(await failure(importFile(db, fileOf('')))).toMatch(
      /^This file is not valid JSON: line 1, column 1/,
    );
  });

  it('keeps the place of a syntax error as Firefox words it', () => {
    const spy = vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError(
        "JSON.parse: expected ',' or '}' after property value in object at line 1 column 13 of the JSON data",
      );
    });
    try {
      expect(() => parseJson('{"a": 1 "b"}')).toThrow(
        "This file is not valid JSON: line 1, column 13: expected ',' or '}' after property value in object",
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses JSON that is neither of the formats it reads', async () => {
    for (const json of [{ hello: 'world' }, [], 42, null, 'text']) {
      expect(await failure(importFile(db, fileOf(JSON.stringify(json))))).toBe(
        'This file is not an Ofsted Annotator export, a Hypothesis export (or API search response) or W3C Web Annotations.',
      );
    }
  });

  it('imports a real File', async () => {
    const file = new File([JSON.stringify(validExport())], 'export.json', { type: 'application/json' });
    expect(await importFile(db, file)).toMatchObject({ added: 2 });
  });

  it('imports W3C Web Annotations', async () => {
    const w3c = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      created: T0.toISOString(),
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Youth justice' }],
      target: { source: NEWS_URL, selector: { type: 'TextQuoteSelector', exact: 'Caseloads' } },
    };
    expect(await importFile(db, fileOf(w3c))).toMatchObject({ added: 1, updated: 0, unchanged: 0, themesAdded: 1 });
    expect((await db.annotations.get('11111111-2222-4333-8444-555555555555'))?.themes).toEqual([
      'youth-justice',
    ]);
  });
});

describe('importFile with a broken file', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    await createAnnotation(db, { url: REPORT_URL, title: 'Mine', draft: draft() }, T0);
    before = await snapshot();
  });

  it('refuses duplicate annotation ids, naming them, and changes nothing', async () => {
    const file = validExport();
    file.annotations.push(structuredClone(file.annotations[0]), structuredClone(file.annotations[1]));
    expect(await failure(importFile(db, fileOf(file)))).toBe(
      `This file has more than one annotation with the ids “${reportAnnotation.id}”, “${newsAnnotation.id}”: each annotation needs its own id.`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a severity given as text',
      (f: Mutable) => (f.annotations[1].severity = '4'),
      'annotations[1].severity: ',
    ],
    [
      'selectors that are not a list',
      (f: Mutable) => (f.annotations[1].selectors = {}),
      'annotations[1].selectors: ',
    ],
    ['a note that is a number', (f: Mutable) => (f.annotations[0].note = 7), 'annotations[0].note: '],
    ['themes that are an object', (f: Mutable) => (f.themes = { 0: 'workforce' }), 'themes: '],
    [
      'a document that is a string',
      (f: Mutable) => (f.annotations[1].document = NEWS_URL),
      'annotations[1].document: ',
    ],
    [
      'an unlisted theme id',
      (f: Mutable) => f.annotations[1].themes.push('constructor'),
      'annotations[1].themes[1]: ',
    ],
  ])('names the field of %s and changes nothing', async (_name, breakIt, message) => {
    const file = validExport();
    breakIt(file);
    expect(await failure(importFile(db, fileOf(file)))).toMatch(
      new RegExp(`^${message.replace(/[[\]]/g, '\\$&')}`),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('lets no __proto__ or constructor key reach any object’s prototype', async () => {
    const text = JSON.stringify(validExport())
      .replace(
        '{"format"',
        '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"format"',
      )
      .replace('"quote"', '"__proto__":{"polluted":"annotation"},"quote"')
      .replace('"title"', '"__proto__":{"polluted":"document"},"title"')
      .replace('"label"', '"__proto__":{"polluted":"theme"},"label"');
    const result = await importFile(db, fileOf(text));
    expect(result.added).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const stored = await db.annotations.get(reportAnnotation.id);
    expect(stored).toEqual(reportAnnotation);
    expect(Object.keys(stored!)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys((await db.documents.get(REPORT_URL))!)).not.toContain('__proto__');
  });

  // Faults import-fuzz.test.ts found, each kept here as the example that showed it.
  it.each([
    [
      'a selector without its type ("undefined" in the message)',
      (f: Mutable) => delete f.annotations[1].selectors[0].type,
      'annotations[1].selectors[0].type: A selector has no type',
    ],
    [
      'a severity of a million characters (all of them in the message)',
      (f: Mutable) => (f.annotations[1].severity = 'x'.repeat(1_000_000)),
      `annotations[1].severity: Severity must be -1 (unrated), 0, 1, 2, 3 or 4, not "${'x'.repeat(39)}…"`,
    ],
    [
      'a theme colour that would fetch an image (it was stored)',
      (f: Mutable) => (f.themes[0].color = 'url(https://tracker.example/p.gif)'),
      'themes[0].color: The theme colour must be written #rrggbb, for example #3949ab, not "url(https://tracker.example/p.gif)"',
    ],
    [
      'a theme label of a million characters (it was stored)',
      (f: Mutable) => (f.themes[1].label = 'y'.repeat(1_000_000)),
      'themes[1].label: The theme label is longer than 120 characters',
    ],
    [
      'a retired flag of null (taken as false)',
      (f: Mutable) => (f.themes[1].retired = null),
      'themes[1].retired: The theme retired flag must be true or false',
    ],
    [
      'an update on 30 February (Date.parse takes it as 2 March)',
      (f: Mutable) => (f.annotations[0].updatedAt = '2026-02-30T10:00:00.000Z'),
      'annotations[0].updatedAt: The annotation has invalid dates',
    ],
    [
      'no version ("Cannot read export version undefined")',
      (f: Mutable) => delete f.version,
      'This export does not say which version it is: this version of Ofsted Annotator reads versions 1, 2 and 3',
    ],
  ])('refuses %s with a clear message, changing nothing', async (_name, breakIt, message) => {
    const file = validExport();
    breakIt(file);
    expect(await failure(importFile(db, fileOf(file)))).toBe(message);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'lists nested deeper than the stack (a RangeError)',
      '['.repeat(100_000) + ']'.repeat(100_000),
      'This file is not an Ofsted Annotator export, a Hypothesis export (or API search response) or W3C Web Annotations.',
    ],
    [
      'a page nested deeper than the stack (JSON.stringify overflowed it)',
      JSON.stringify(validExport()).replace(
        '"page":4',
        `"page":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
      'annotations[0].page: The page must be a whole number from 1, not a list',
    ],
    [
      'a W3C target of lists in lists (a RangeError)',
      JSON.stringify({
        type: 'Annotation',
        id: 'urn:uuid:1',
        created: T0.toISOString(),
        target: [[[{ source: NEWS_URL }]]],
      }),
      'target[0]: A target must be an address or an object, not a list',
    ],
    [
      'JSON whose error V8 gives no position for',
      '{"format": "ofsted-annotator", "version": }',
      'This file is not valid JSON: line 1, column 43: unexpected “}” where a value should be',
    ],
    [
      'a duplicate id of a million characters (all of it in the message, twice)',
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        items: [1, 2].map(() => ({
          id: `urn:uuid:${'z'.repeat(1_000_000)}`,
          created: T0.toISOString(),
          target: { source: NEWS_URL, selector: { type: 'TextQuoteSelector', exact: 'Caseloads' } },
        })),
      }),
      `This file has more than one annotation with the id “${'z'.repeat(40)}…”: each annotation needs its own id.`,
    ],
  ])('refuses %s with a clear message, changing nothing', async (_name, text, message) => {
    expect(await failure(importFile(db, fileOf(text)))).toBe(message);
    expect(await snapshot()).toEqual(before);
  });

  it('stores themes named __proto__ and constructor as ordinary themes', async () => {
    const file = validExport();
    file.themes.push(
      { id: '__proto__', label: 'Proto', color: '#111111', order: 7, retired: false },
      { id: 'constructor', label: 'Constructor', color: '#222222', order: 8, retired: false },
    );
    file.annotations[1].themes = ['__proto__', 'constructor'];
    expect((await importFile(db, fileOf(file))).themesAdded).toBe(2);
    expect((await db.annotations.get(newsAnnotation.id))?.themes).toEqual(['__proto__', 'constructor']);
    const added: Theme[] = (await listThemes(db)).slice(-2);
    expect(added.map((t) => [t.id, t.label])).toEqual([
      ['__proto__', 'Proto'],
      ['constructor', 'Constructor'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('describeImport', () => {
  it('counts added, updated and unchanged annotations, and new themes when there are any', () => {
    const none = { newThemes: [], skipped: [], notes: [] };
    expect(describeImport({ added: 3, updated: 1, unchanged: 0, themesAdded: 0, ...none })).toBe(
      '3 added, 1 updated, 0 unchanged',
    );
    expect(
      describeImport({ added: 3, updated: 1, unchanged: 0, themesAdded: 1, ...none, newThemes: ['Youth justice'] }),
    ).toBe('3 added, 1 updated, 0 unchanged, 1 new theme: “Youth justice”');
  });

  it('counts what was skipped by reason, and adds what the reader had to decide', () => {
    const result = {
      added: 2,
      updated: 0,
      unchanged: 0,
      themesAdded: 0,
      newThemes: [],
      skipped: [
        { place: 'rows[1]', reason: 'replies (a reply has no passage of its own)' },
        { place: 'rows[4]', reason: 'replies (a reply has no passage of its own)' },
        { place: 'rows[5]', reason: 'page notes (no passage to anchor)' },
      ],
      notes: ['1 annotation had no creation date: its modification date was used'],
    };
    expect(describeImport(result)).toBe(
      '2 added, 0 updated, 0 unchanged. 3 skipped: replies (a reply has no passage of its own): 2; page notes (no passage to anchor): 1. 1 annotation had no creation date: its modification date was used',
    );
  });
});
