import { createAnnotation } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import {
  buildJsonExport,
  buildJsonExportText,
  exportAll,
  exportAllText,
  exportFileName,
} from '../../../lib/export/json';
import type { Annotation } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from '../db/helpers';
import { BROKEN_EXPORTS, validExport } from './broken-exports';
import {
  devonDetails,
  newsAnnotation,
  newsRecord,
  oversight,
  reportAnnotation,
  reportRecord,
  workforce,
} from './samples';
import { expectValidExport, validateExport, validateV1Export, validateV2Export } from './validate-export';
import v1Sample from '../../fixtures/export/v1-sample.json';
import v2EmojiSample from '../../fixtures/export/v2-emoji-sample.json';
import { emojiAnnotation, standardSource, unratedAnnotation, waitingAnnotation } from './standard-samples';

const documents = [reportRecord, newsRecord];

describe('buildJsonExport', () => {
  it('writes the version-3 format exactly', () => {
    const data = buildJsonExport(
      { annotations: [newsAnnotation, reportAnnotation], themes: [workforce, oversight], documents },
      T2,
    );
    expect(data).toEqual({
      format: 'ofsted-annotator',
      version: 3,
      exportedAt: '2026-03-17T08:00:00.000Z',
      themes: [oversight, workforce],
      annotations: [
        {
          id: reportAnnotation.id,
          document: {
            url: REPORT_URL,
            title: 'Inspection of Devon local authority children’s services',
            createdAt: T0.toISOString(),
            updatedAt: T1.toISOString(),
            localAuthority: 'Devon',
            visitType: 'standard inspection',
            inspectionDates: {
              text: '30 September to 11 October 2024 and 13 to 16 January 2025',
              start: '2024-09-30',
              end: '2025-01-16',
            },
            judgements: devonDetails.judgements,
          },
          quote: 'the selected text',
          selectors: reportAnnotation.selectors,
          themes: ['workforce', 'oversight'],
          severity: 3,
          note: '',
          page: 4,
          pageEnd: 5,
          paragraph: 12,
          section: 'What needs to improve?',
          createdAt: T0.toISOString(),
          updatedAt: T1.toISOString(),
        },
        {
          id: newsAnnotation.id,
          document: {
            url: NEWS_URL,
            title: 'Council news',
            createdAt: T1.toISOString(),
            updatedAt: T2.toISOString(),
          },
          quote: 'Caseloads are too high.',
          selectors: newsAnnotation.selectors,
          themes: ['workforce'],
          severity: 4,
          note: 'Front page',
          createdAt: T1.toISOString(),
          updatedAt: T2.toISOString(),
        },
      ],
    });
    expectValidExport(data);
  });

  it('writes no citation fields or report details for a document that has none', () => {
    const data = buildJsonExport({ annotations: [newsAnnotation], themes: [workforce], documents }, T2);
    const [news] = JSON.parse(JSON.stringify(data)).annotations;
    expect(Object.keys(news)).toEqual([
      'id',
      'document',
      'quote',
      'selectors',
      'themes',
      'severity',
      'note',
      'createdAt',
      'updatedAt',
    ]);
    expect(Object.keys(news.document)).toEqual(['url', 'title', 'createdAt', 'updatedAt']);
  });

  it('writes only the page a citation has when the quote has no paragraph or section', () => {
    const onePage: Annotation = { ...reportAnnotation, citation: { page: 7 } };
    const data = buildJsonExport({ annotations: [onePage], themes: [workforce, oversight], documents }, T2);
    expect(data.annotations[0]).toMatchObject({ page: 7 });
    expect(Object.keys(JSON.parse(JSON.stringify(data.annotations[0])))).not.toContain('pageEnd');
    expectValidExport(data);
  });

  it('writes its own format version, not the app’s or the database’s', () => {
    const data = buildJsonExport({ annotations: [], themes: [], documents: [] }, T2);
    expect(data.version).toBe(3);
  });

  it('survives a round trip through JSON text', () => {
    const data = buildJsonExport(
      { annotations: [reportAnnotation, newsAnnotation], themes: DEFAULT_THEMES, documents },
      T2,
    );
    const parsed: unknown = JSON.parse(JSON.stringify(data, null, 2));
    expect(parsed).toEqual(data);
    expectValidExport(parsed);
  });

  it('uses the address as title, and gives no dates or details, when the document record is missing', () => {
    const data = buildJsonExport(
      { annotations: [reportAnnotation], themes: [workforce, oversight], documents: [] },
      T2,
    );
    expect(data.annotations[0]?.document).toEqual({ url: REPORT_URL, title: REPORT_URL });
    expectValidExport(data);
  });

  it('groups annotations by document, each in reading order', () => {
    const at = (id: string, url: string, start: number): Annotation => ({
      ...newsAnnotation,
      id,
      url,
      selectors: [newsAnnotation.selectors[0]!, { type: 'TextPositionSelector', start, end: start + 5 }],
    });
    const data = buildJsonExport(
      {
        annotations: [at('r2', REPORT_URL, 50), at('n1', NEWS_URL, 7), at('r1', REPORT_URL, 3)],
        themes: [workforce],
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

  it('does not share arrays or objects with the stored annotations and documents', () => {
    const data = buildJsonExport({ annotations: [reportAnnotation], themes: [], documents }, T2);
    const exported = data.annotations[0]!;
    exported.themes.push('neglect');
    exported.document.judgements!.push({ judgement: 'Extra', grade: 'Good' });
    exported.document.inspectionDates!.end = '2030-01-01';
    expect(reportAnnotation.themes).toEqual(['workforce', 'oversight']);
    expect(reportRecord.details?.judgements).toHaveLength(2);
    expect(reportRecord.details?.inspectionDates.end).toBe('2025-01-16');
  });
});

describe('buildJsonExportText', () => {
  const asStringified = (source: Parameters<typeof buildJsonExport>[0]) =>
    expect(buildJsonExportText(source, T2)).toBe(JSON.stringify(buildJsonExport(source, T2), null, 2));

  it('writes exactly what JSON.stringify(buildJsonExport(…), null, 2) writes', () => {
    asStringified({
      annotations: [reportAnnotation, newsAnnotation],
      themes: [workforce, oversight],
      documents,
    });
    asStringified(standardSource());
    asStringified({
      annotations: [emojiAnnotation, unratedAnnotation, waitingAnnotation, reportAnnotation],
      themes: DEFAULT_THEMES,
      documents: [],
    });
  });

  it('writes an empty collection, and documents with no record, a citation or awkward text alike', () => {
    asStringified({ annotations: [], themes: [], documents: [] });
    asStringified({ annotations: [], themes: DEFAULT_THEMES, documents });
    const awkward: Annotation = {
      ...reportAnnotation,
      id: 'awkward',
      quote: 'Line one\nline "two"\t\\ \u2028 \ud83d\ude00 half \ud800 and \u0000',
      note: '',
      themes: [],
      selectors: [],
      citation: { page: 2, pageEnd: 3, section: 'What needs to improve?' },
    };
    asStringified({
      annotations: [awkward, { ...newsAnnotation, url: 'urn:pdf:abc' }, newsAnnotation],
      themes: [
        { ...workforce, description: undefined },
        { ...oversight, description: 'Covers "x"' },
      ],
      documents: [reportRecord, { ...newsRecord, details: { ...devonDetails, outcome: 'Met' } }],
    });
  });

  it('writes many annotations over many documents as stringify does', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...(i % 2 ? reportAnnotation : newsAnnotation),
      id: `a${i}`,
      url: i % 3 ? REPORT_URL : `${NEWS_URL}?p=${i % 7}`,
      severity: ((i % 5) - 1) as Annotation['severity'],
    }));
    asStringified({ annotations: many, themes: DEFAULT_THEMES, documents });
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

  it('exports every annotation with its document and every theme', async () => {
    const a = await createAnnotation(
      db,
      {
        url: REPORT_URL,
        title: 'ILACS report',
        draft: draft({ citation: { page: 3, paragraph: 8 } }),
        details: devonDetails,
      },
      T0,
    );
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
    expect(data.annotations.find((x) => x.id === a.id)).toMatchObject({
      document: { url: REPORT_URL, title: 'ILACS report', ...devonDetails },
      page: 3,
      paragraph: 8,
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

describe('the version-3 JSON Schema', () => {
  it('accepts extra fields anywhere', () => {
    const data = validExport();
    data.generator = 'test';
    data.themes[0].icon = 'x';
    data.annotations[0].highlightColour = '#ff0';
    data.annotations[0].document.publishedOn = '2025-05-13';
    data.annotations[0].selectors.push({ type: 'FragmentSelector', value: 'page=3' });
    expectValidExport(data);
  });

  it.each(BROKEN_EXPORTS)('rejects %s', (_, breakIt) => {
    const data = validExport();
    breakIt(data);
    expect(validateExport(data)).toBe(false);
  });
});

describe('the version-1 JSON Schema', () => {
  it('still describes the files earlier exports wrote', () => {
    expect(validateV1Export(v1Sample)).toBe(true);
  });

  it('does not describe version 2', () => {
    expect(validateV1Export(validExport())).toBe(false);
  });
});

describe('version 3’s changes of meaning', () => {
  const exported = () => JSON.parse(JSON.stringify(buildJsonExport(standardSource(), T2)));
  const byId = (data: any, id: string) => data.annotations.find((a: any) => a.id === id);

  it('writes positions as stored (code points), an unrated severity and a quote still to be read', () => {
    const data = exported();
    expectValidExport(data);
    expect(byId(data, emojiAnnotation.id).selectors).toEqual(emojiAnnotation.selectors);
    expect(byId(data, unratedAnnotation.id).severity).toBe(-1);
    expect(byId(data, waitingAnnotation.id)).toMatchObject({
      quote: '',
      selectors: waitingAnnotation.selectors,
    });
  });

  it('the version-2 JSON Schema describes none of them, and not version 3', () => {
    expect(validateV2Export(v2EmojiSample)).toBe(true);
    expect(validateV2Export(validExport())).toBe(false);
    const unrated = exported();
    unrated.version = 2;
    expect(validateV2Export(unrated)).toBe(false);
  });

  it('the version-3 JSON Schema refuses a quote with no selector to find it, and a severity of -2', () => {
    const data = exported();
    byId(data, waitingAnnotation.id).quote = 'now read';
    expect(validateExport(data)).toBe(false);
    const low = exported();
    low.annotations[0].severity = -2;
    expect(validateExport(low)).toBe(false);
  });
});

describe('exportAllText', () => {
  it('is the stringified exportAll of the same database', async () => {
    const db = freshDb();
    try {
      await createAnnotation(
        db,
        { url: REPORT_URL, title: 'ILACS report', draft: draft(), details: devonDetails },
        T0,
      );
      await createAnnotation(db, { url: NEWS_URL, title: 'News', draft: draft({ note: 'n' }) }, T1);
      expect(await exportAllText(db, T2)).toBe(JSON.stringify(await exportAll(db, T2), null, 2));
    } finally {
      await db.delete();
    }
  });
});
