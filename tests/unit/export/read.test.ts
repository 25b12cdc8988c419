import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { buildJsonExport, exportAll } from '../../../lib/export/json';
import { readExport } from '../../../lib/export/read';
import type { Annotation, DocumentRecord } from '../../../lib/model';
import v1Sample from '../../fixtures/export/v1-sample.json';
import { draft, freshDb, NEWS_URL, T0, T1, T2 } from '../db/helpers';
import { BROKEN_EXPORTS, validExport, type Mutable } from './broken-exports';
import { devonDetails, newsAnnotation, newsRecord, reportAnnotation, reportRecord } from './samples';
import { emojiAnnotation, unratedAnnotation, waitingAnnotation } from './standard-samples';
import { expectValidExport, expectValidV1Export, expectValidV2Export } from './validate-export';
import v2EmojiSample from '../../fixtures/export/v2-emoji-sample.json';

const DEVON_REPORT = 'https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025';
const DEVON_NEWS =
  'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001';
const LOCAL_PDF = 'urn:pdf:6a3e0c1f9b2d4e8a7c5b3d1f0e9a8b7c';

const v1File = (): Mutable => structuredClone(v1Sample) as Mutable;
const byId = (a: Annotation, b: Annotation) => (a.id < b.id ? -1 : 1);
const byUrl = (a: DocumentRecord, b: DocumentRecord) => (a.url < b.url ? -1 : 1);

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('readExport', () => {
  it('reads a version-1 file into themes, annotations and documents', () => {
    expectValidV1Export(v1Sample);
    const { themes, annotations, documents } = readExport(v1Sample);
    expect(themes.map((t) => [t.id, t.order, t.retired])).toEqual([
      ['leadership', 0, false],
      ['workforce', 3, false],
      ['neglect', 10, true],
    ]);
    expect(annotations.map((a) => a.id)).toEqual(v1Sample.annotations.map((a) => a.id));
    expect(annotations[0]).toEqual({
      id: '0b7c2f4e-1a3d-4e5f-9a8b-7c6d5e4f3a21',
      url: DEVON_REPORT,
      quote: 'For too many children, serious weaknesses remain, leaving children at risk of harm.',
      // Version 1 counted UTF-16 units: converted to code points, the end follows from the quote's length.
      selectors: [
        v1Sample.annotations[0]!.selectors[0],
        { type: 'TextPositionSelector', start: 612, end: 612 + 83 },
      ],
      themes: ['leadership', 'neglect'],
      severity: 4,
      note: 'Opening judgement: compare with 2020.',
      createdAt: '2026-03-15T10:00:00.000Z',
      updatedAt: '2026-03-16T09:30:00.000Z',
    });
    expect(Object.keys(annotations[0]!)).not.toContain('citation');
    expect(documents).toEqual([
      {
        url: DEVON_REPORT,
        title: 'Inspection of Devon local authority children’s services',
        createdAt: '2026-03-15T10:00:00.000Z',
        updatedAt: '2026-03-16T09:30:00.000Z',
      },
      {
        url: DEVON_NEWS,
        title: "Devon's vulnerable children remain unsafe, Ofsted says",
        createdAt: '2026-03-14T16:45:00.000Z',
        updatedAt: '2026-03-14T16:45:00.000Z',
      },
    ]);
  });

  it('dates a version-1 document from its earliest and its latest annotation', () => {
    const file = v1File();
    file.annotations[1].createdAt = '2026-03-15T09:00:00+00:00';
    file.annotations[1].updatedAt = '2026-03-20T12:00:00.000Z';
    const [report] = readExport(file).documents;
    expect(report).toMatchObject({
      createdAt: '2026-03-15T09:00:00+00:00',
      updatedAt: '2026-03-20T12:00:00.000Z',
    });
  });

  it('reads a version-1 file and its version-2 export back to the same annotations', () => {
    const fromV1 = readExport(v1Sample);
    const v2 = JSON.parse(JSON.stringify(buildJsonExport(fromV1, T2))) as Mutable;
    expect(v2.version).toBe(3);
    const fromV2 = readExport(v2);
    expect([...fromV2.annotations].sort(byId)).toEqual([...fromV1.annotations].sort(byId));
    expect(fromV2.documents.sort(byUrl)).toEqual(fromV1.documents.sort(byUrl));
    expect(fromV2.themes).toEqual(fromV1.themes);
  });

  it("rebuilds a version-2 annotation's citation and its document's report details", () => {
    const { annotations, documents } = readExport(validExport());
    expect(annotations).toEqual([reportAnnotation, newsAnnotation]);
    expect(documents).toEqual([reportRecord, newsRecord]);
    expect(documents[0]?.details).toEqual(devonDetails);
    expect(Object.keys(annotations[1]!)).not.toContain('citation');
    expect(Object.keys(documents[1]!)).not.toContain('details');
  });

  it('rebuilds a citation that has only a page', () => {
    const file = validExport();
    for (const field of ['pageEnd', 'paragraph', 'section']) delete file.annotations[0][field];
    expect(readExport(file).annotations[0]?.citation).toEqual({ page: 4 });
  });

  it('drops a last page that is the first page', () => {
    const file = validExport();
    file.annotations[0].pageEnd = 4;
    expect(readExport(file).annotations[0]?.citation).toEqual({
      page: 4,
      paragraph: 12,
      section: 'What needs to improve?',
    });
  });

  it('ignores citation fields and report details in a version-1 file, where they mean nothing', () => {
    const file = v1File();
    file.annotations[0].page = 'three';
    file.annotations[0].document.visitType = 'inspection';
    file.annotations[0].document.createdAt = 'long ago';
    const { annotations, documents } = readExport(file);
    expect(annotations[0]).toEqual(readExport(v1Sample).annotations[0]);
    expect(documents[0]).toEqual(readExport(v1Sample).documents[0]);
  });

  it('dates a version-2 document without dates of its own from its annotations', () => {
    const file = validExport();
    delete file.annotations[1].document.createdAt;
    delete file.annotations[1].document.updatedAt;
    expect(readExport(file).documents[1]).toEqual({
      ...newsRecord,
      createdAt: newsAnnotation.createdAt,
      updatedAt: newsAnnotation.updatedAt,
    });
  });

  it('drops extra fields, and selectors of kinds it does not know', () => {
    const file = validExport();
    file.generator = 'test';
    file.themes[0].icon = 'x';
    file.annotations[0].highlightColour = '#ff0';
    file.annotations[0].document.publishedOn = '2025-05-13';
    file.annotations[0].document.judgements[0].note = 'x';
    file.annotations[0].selectors.splice(1, 0, { type: 'FragmentSelector', value: 'page=4' });
    const { themes, annotations, documents } = readExport(file);
    expect(themes).toEqual(readExport(validExport()).themes);
    expect(annotations[0]).toEqual(reportAnnotation);
    expect(documents[0]).toEqual(reportRecord);
  });

  it('gives a theme without order its place in the list, and counts it in use without a retired flag', () => {
    const file = v1File();
    delete file.themes[1].order;
    delete file.themes[1].retired;
    expect(readExport(file).themes[1]).toEqual({
      id: 'workforce',
      label: 'Workforce stability and caseloads',
      color: '#6d4c41',
      order: 1,
      retired: false,
    });
  });

  it("takes a document's title and details from its first annotation in the file", () => {
    const file = validExport();
    file.annotations.push({
      ...structuredClone(file.annotations[0]),
      id: 'second',
      document: { url: reportRecord.url, title: 'Other' },
    });
    const { documents } = readExport(file);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toEqual(reportRecord);
  });

  it.each(BROKEN_EXPORTS)('refuses %s, naming the bad field', (_, breakIt, message) => {
    const file = validExport();
    breakIt(file);
    expect(messageOf(() => readExport(file))).toMatch(startsWith(message));
  });

  const brokenBeyondTheSchema: Array<[string, (file: Mutable) => void, string]> = [
    [
      'a last page before the first',
      (f) => (f.annotations[0].pageEnd = 3),
      'annotations[0].pageEnd: The last page must be a whole number from 4 (the first page), not 3',
    ],
    [
      'an inspection that ends before it starts',
      (f) => (f.annotations[0].document.inspectionDates.end = '2024-09-01'),
      'annotations[0].document.inspectionDates.end: The last inspection day (2024-09-01) is before the first (2024-09-30)',
    ],
    [
      'an inspection day that does not exist',
      (f) => (f.annotations[0].document.inspectionDates.start = '2024-02-30'),
      'annotations[0].document.inspectionDates.start: ',
    ],
    [
      'a theme the file does not list',
      (f) => f.annotations[1].themes.push('weather'),
      'annotations[1].themes[1]: Unknown theme: "weather"',
    ],
    [
      'a theme listed twice',
      (f) => f.themes.push({ ...f.themes[0] }),
      'themes[2].id: The theme "oversight" is listed twice',
    ],
    [
      'annotations that are not a list',
      (f) => (f.annotations = {}),
      'annotations: The annotations must be a list',
    ],
    [
      'a quote of only spaces',
      (f) => (f.annotations[0].quote = '   '),
      'annotations[0].quote: The quote is empty',
    ],
  ];

  it.each(brokenBeyondTheSchema)(
    'refuses %s, which the schema cannot see, naming the bad field',
    (_, breakIt, message) => {
      const file = validExport();
      breakIt(file);
      expect(messageOf(() => readExport(file))).toMatch(startsWith(message));
    },
  );

  it.each([
    ['nothing', null],
    ['a list', []],
    ['text', 'ofsted-annotator'],
    [
      'a Web Annotation collection',
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' },
    ],
  ])('refuses %s: it is not an Ofsted Annotator export', (_, json) => {
    expect(() => readExport(json)).toThrow('This is not an Ofsted Annotator export');
  });

  it.each([[0], [4], ['2']])('refuses export version %j and says which it reads', (version) => {
    const file = validExport();
    file.version = version;
    expect(() => readExport(file)).toThrow(
      `Cannot read export version ${JSON.stringify(version)}: this version of Ofsted Annotator reads versions 1, 2 and 3`,
    );
  });

  it('refuses a file without a version, saying so and which it reads', () => {
    const file = validExport();
    delete file.version;
    expect(() => readExport(file)).toThrow(
      'This export does not say which version it is: this version of Ofsted Annotator reads versions 1, 2 and 3',
    );
  });
});

describe('export, then readExport', () => {
  let db: AnnotatorDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('gives back exactly the stored annotations, documents and themes', async () => {
    await db.themes.update('neglect', { retired: true, label: 'Neglect (old)' });
    const citation = { page: 4, pageEnd: 5, paragraph: 12, section: 'What needs to improve?' };
    const report = { url: LOCAL_PDF, title: 'Devon ILACS 2025' };
    await createAnnotation(db, { ...report, draft: draft({ citation }), details: devonDetails }, T0);
    await createAnnotation(db, { ...report, draft: draft({ start: 9, citation: { page: 1 } }) }, T1);
    const news = await createAnnotation(
      db,
      { url: NEWS_URL, title: 'News', draft: draft({ themes: ['neglect'] }) },
      T0,
    );
    await updateAnnotation(
      db,
      { url: NEWS_URL, id: news.id, changes: { themes: [], severity: 1, note: 'x' } },
      T1,
    );
    // The news page's record is now dated later than any annotation it still has.
    const later = await createAnnotation(db, { url: NEWS_URL, title: 'News', draft: draft() }, T2);
    await deleteAnnotation(db, { url: NEWS_URL, id: later.id });

    const file: unknown = JSON.parse(JSON.stringify(await exportAll(db, T2)));
    const { themes, annotations, documents } = readExport(file);

    expect(annotations.sort(byId)).toEqual((await db.annotations.toArray()).sort(byId));
    expect(documents.sort(byUrl)).toEqual((await db.documents.toArray()).sort(byUrl));
    expect(themes).toEqual(await db.themes.orderBy('order').toArray());
  });
});

describe('readExport across the version-3 change of meaning', () => {
  const v2File = (): Mutable => structuredClone(v2EmojiSample) as Mutable;

  it('converts a version-2 position, counted in UTF-16 units, to code points', () => {
    expectValidV2Export(v2EmojiSample);
    const [annotation] = readExport(v2EmojiSample).annotations;
    // The emoji in the prefix counted twice in version 2: the quote starts one code point earlier.
    expect(annotation!.selectors).toEqual(emojiAnnotation.selectors);
  });

  it('converts version-1 positions too', () => {
    const file = v2File();
    file.version = 1;
    expect(readExport(file).annotations[0]!.selectors).toEqual(emojiAnnotation.selectors);
  });

  it('reads version-3 positions as they are: they already count code points', () => {
    const file = v2File();
    file.version = 3;
    file.annotations[0].selectors[1] = { type: 'TextPositionSelector', start: 24, end: 48 };
    expectValidExport(file);
    expect(readExport(file).annotations[0]!.selectors).toEqual(emojiAnnotation.selectors);
  });

  it('reads an unrated annotation and one waiting for its quote in version 3', () => {
    const file = JSON.parse(
      JSON.stringify(
        buildJsonExport(
          {
            annotations: [unratedAnnotation, waitingAnnotation],
            themes: [
              ...v2File().themes,
              { id: 'oversight', label: 'Oversight', color: '#5e35b1', order: 1, retired: false },
            ],
            documents: [],
          },
          T2,
        ),
      ),
    ) as Mutable;
    expectValidExport(file);
    const read = readExport(file).annotations.sort(byId);
    expect(read).toEqual([unratedAnnotation, waitingAnnotation].sort(byId));
  });

  it.each([[1], [2]])('refuses an unrated severity in a version-%i file, which had none', (version) => {
    const file = v2File();
    file.version = version;
    file.annotations[0].severity = -1;
    expect(messageOf(() => readExport(file))).toBe(
      `annotations[0].severity: Severity must be 0, 1, 2, 3 or 4 in a version ${version} export, not -1`,
    );
  });

  it('refuses an annotation waiting for its quote in a version-2 file', () => {
    const file = v2File();
    file.annotations[0].quote = '';
    file.annotations[0].selectors.shift();
    expect(messageOf(() => readExport(file))).toMatch(
      /^annotations\[0\]\.selectors: At least one TextQuoteSelector is required/,
    );
  });
});
