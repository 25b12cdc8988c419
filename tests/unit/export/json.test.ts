import { createAnnotation } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { buildJsonExport, exportAll, exportFileName } from '../../../lib/export/json';
import type { Annotation, DocumentRecord, Theme } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from '../db/helpers';
import { expectValidExport, validateExport } from './validate-export';

const workforce: Theme = {
  id: 'workforce',
  label: 'Workforce stability and caseloads',
  color: '#6d4c41',
  order: 3,
  retired: false,
};
const oversight: Theme = {
  id: 'oversight',
  label: 'Management oversight and supervision',
  color: '#5e35b1',
  order: 1,
  retired: true,
};

const annotation: Annotation = {
  id: '5f0c6a4e-8d1b-4c53-9a4e-2f1d7c9b0a11',
  url: REPORT_URL,
  quote: 'the selected text',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'the selected text', prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector', start: 1234, end: 1251 },
  ],
  themes: ['workforce', 'oversight'],
  severity: 3,
  note: '',
  createdAt: T0.toISOString(),
  updatedAt: T1.toISOString(),
};
const documents: DocumentRecord[] = [
  { url: REPORT_URL, title: 'ILACS report', createdAt: T0.toISOString(), updatedAt: T1.toISOString() },
];

describe('buildJsonExport', () => {
  it('writes the version-1 format exactly', () => {
    const data = buildJsonExport(
      { annotations: [annotation], themes: [workforce, oversight], documents },
      T2,
    );
    expect(data).toEqual({
      format: 'ofsted-annotator',
      version: 1,
      exportedAt: '2026-03-17T08:00:00.000Z',
      themes: [oversight, workforce],
      annotations: [
        {
          id: annotation.id,
          document: { url: REPORT_URL, title: 'ILACS report' },
          quote: 'the selected text',
          selectors: annotation.selectors,
          themes: ['workforce', 'oversight'],
          severity: 3,
          note: '',
          createdAt: T0.toISOString(),
          updatedAt: T1.toISOString(),
        },
      ],
    });
    expectValidExport(data);
  });

  it('survives a round trip through JSON text', () => {
    const data = buildJsonExport({ annotations: [annotation], themes: DEFAULT_THEMES, documents }, T2);
    const parsed: unknown = JSON.parse(JSON.stringify(data, null, 2));
    expect(parsed).toEqual(data);
    expectValidExport(parsed);
  });

  it('uses the address as title when the document record is missing', () => {
    const data = buildJsonExport({ annotations: [annotation], themes: [], documents: [] }, T2);
    expect(data.annotations[0]?.document).toEqual({ url: REPORT_URL, title: REPORT_URL });
    expectValidExport(data);
  });

  it('groups annotations by document, each in reading order', () => {
    const at = (id: string, url: string, start: number): Annotation => ({
      ...annotation,
      id,
      url,
      selectors: [annotation.selectors[0]!, { type: 'TextPositionSelector', start, end: start + 5 }],
    });
    const data = buildJsonExport(
      {
        annotations: [at('r2', REPORT_URL, 50), at('n1', NEWS_URL, 7), at('r1', REPORT_URL, 3)],
        themes: [],
        documents,
      },
      T2,
    );
    // Documents in address order (https://files.… before https://www.…), then by position.
    expect(data.annotations.map((a) => a.id)).toEqual(['r1', 'r2', 'n1']);
    expectValidExport(data);
  });

  it('exports an empty collection', () => {
    const data = buildJsonExport({ annotations: [], themes: [], documents: [] }, T2);
    expect(data.annotations).toEqual([]);
    expectValidExport(data);
  });

  it('does not share arrays with the stored annotations', () => {
    const data = buildJsonExport({ annotations: [annotation], themes: [], documents }, T2);
    data.annotations[0]!.themes.push('neglect');
    expect(annotation.themes).toEqual(['workforce', 'oversight']);
  });
});

describe('exportAll', () => {
  let db: AnnotatorDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('exports every annotation with its document title and every theme', async () => {
    const a = await createAnnotation(db, { url: REPORT_URL, title: 'ILACS report', draft: draft() }, T0);
    const b = await createAnnotation(
      db,
      {
        url: NEWS_URL,
        title: 'Council news',
        draft: draft({ themes: ['voice', 'neglect'], severity: 4, note: 'Front page' }),
      },
      T1,
    );
    const data = await exportAll(db, T2);
    expect(data.exportedAt).toBe(T2.toISOString());
    expect(data.themes.map((t) => t.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
    expect(data.annotations).toHaveLength(2);
    expect(data.annotations.find((x) => x.id === a.id)?.document).toEqual({
      url: REPORT_URL,
      title: 'ILACS report',
    });
    expect(data.annotations.find((x) => x.id === b.id)).toMatchObject({
      document: { url: NEWS_URL, title: 'Council news' },
      themes: ['voice', 'neglect'],
      severity: 4,
      note: 'Front page',
    });
    expectValidExport(data);
  });

  it('exports the themes of a new database when there are no annotations', async () => {
    const data = await exportAll(db, T2);
    expect(data.annotations).toEqual([]);
    expect(data.themes).toHaveLength(DEFAULT_THEMES.length);
    expectValidExport(data);
  });
});

describe('exportFileName', () => {
  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 2, 5, 23, 30))).toBe('ofsted-annotations-2026-03-05.json');
    expect(exportFileName(new Date(2026, 11, 31, 0, 5))).toBe('ofsted-annotations-2026-12-31.json');
  });
});

describe('the version-1 JSON Schema', () => {
  const valid = () => buildJsonExport({ annotations: [annotation], themes: [workforce], documents }, T2);
  type Mutable = Record<string, any>;

  it('accepts extra fields anywhere', () => {
    const data = valid() as Mutable;
    data.generator = 'test';
    data.themes[0].icon = 'x';
    data.annotations[0].page = 3;
    data.annotations[0].document.visitDate = '2026-01-01';
    data.annotations[0].selectors.push({ type: 'FragmentSelector', value: 'page=3' });
    expectValidExport(data);
  });

  const broken: Array<[string, (data: Mutable) => void]> = [
    ['a missing format', (d) => delete d.format],
    ['another format name', (d) => (d.format = 'hypothesis')],
    ['another version', (d) => (d.version = 2)],
    ['an exportedAt that is not a date-time', (d) => (d.exportedAt = '15 March 2026')],
    ['a theme without a label', (d) => delete d.themes[0].label],
    ['a theme whose retired flag is not a boolean', (d) => (d.themes[0].retired = 'no')],
    ['an annotation without an id', (d) => delete d.annotations[0].id],
    ['an annotation without a document title', (d) => delete d.annotations[0].document.title],
    ['an empty quote', (d) => (d.annotations[0].quote = '')],
    ['a severity of 5', (d) => (d.annotations[0].severity = 5)],
    ['a severity given as text', (d) => (d.annotations[0].severity = '3')],
    ['themes given as labels in one string', (d) => (d.annotations[0].themes = 'workforce, oversight')],
    ['a missing note', (d) => delete d.annotations[0].note],
    ['an updatedAt that is not a date-time', (d) => (d.annotations[0].updatedAt = 'later')],
    ['no TextQuoteSelector', (d) => d.annotations[0].selectors.shift()],
    ['a TextQuoteSelector without a prefix', (d) => delete d.annotations[0].selectors[0].prefix],
    ['a TextPositionSelector with a fractional start', (d) => (d.annotations[0].selectors[1].start = 1.5)],
    ['a selector without a type', (d) => delete d.annotations[0].selectors[1].type],
  ];

  it.each(broken)('rejects %s', (_, breakIt) => {
    const data = valid() as Mutable;
    breakIt(data);
    expect(validateExport(data)).toBe(false);
  });
});
