import {
  annotationsForUrl,
  completeQuote,
  createAnnotation,
  deleteAnnotation,
  listThemes,
  restoreAnnotation,
  updateAnnotation,
} from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import type { Annotation, AnnotationDraft, ReportDetails } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from './helpers';

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const create = (d: AnnotationDraft = draft(), url = REPORT_URL, title = 'Council ILACS report', now = T0) =>
  createAnnotation(db, { url, title, draft: d }, now);

const LOCAL_PDF = 'urn:pdf:6a3e0c1f9b2d4e8a7c5b3d1f0e9a8b7c';
const details = (localAuthority = 'Devon'): ReportDetails => ({
  localAuthority,
  visitType: 'standard inspection',
  inspectionDates: {
    text: '30 September to 11 October 2024 and 13 to 16 January 2025',
    start: '2024-09-30',
    end: '2025-01-16',
  },
  judgements: [{ judgement: 'Overall effectiveness', grade: 'Inadequate' }],
});
const citation = { page: 4, pageEnd: 5, paragraph: 12, section: 'What needs to improve?' };

function failWrites(table: 'annotations' | 'documents', hook: 'creating' | 'updating' | 'deleting') {
  // Dexie's typed hook() overloads do not accept a union of names; the behaviour is the same.
  (db[table].hook as (name: string, fn: () => never) => void)(hook, () => {
    throw new Error(`${table} ${hook} failed`);
  });
}

describe('createAnnotation', () => {
  it('stores the annotation with an id, the document address and timestamps', async () => {
    const saved = await create();
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: REPORT_URL,
      ...draft(),
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('stores a save sent twice with the same id once, answering the first copy both times', async () => {
    const id = '0b8f3c1e-5d2a-4f7e-9c6b-1a2b3c4d5e6f';
    const first = await createAnnotation(db, { id, url: REPORT_URL, title: 'Report', draft: draft() }, T0);
    const again = await createAnnotation(db, { id, url: REPORT_URL, title: 'Report', draft: draft() }, T1);
    expect(first.id).toBe(id);
    expect(again).toEqual(first);
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses an id that another page’s annotation has, or that is not an id', async () => {
    const saved = await create(draft(), NEWS_URL);
    await expect(
      createAnnotation(db, { id: saved.id, url: REPORT_URL, title: 'Report', draft: draft() }),
    ).rejects.toThrow('The annotation id is used on another page');
    await expect(
      createAnnotation(db, { id: '<img src=x>', url: REPORT_URL, title: 'Report', draft: draft() }),
    ).rejects.toThrow('The annotation id is not valid');
    expect(await db.annotations.toArray()).toEqual([saved]);
  });

  it('gives each annotation its own id', async () => {
    const a = await create();
    const b = await create();
    expect(a.id).not.toBe(b.id);
  });

  it('creates the document record with its title', async () => {
    await create();
    expect(await db.documents.get(REPORT_URL)).toEqual({
      url: REPORT_URL,
      title: 'Council ILACS report',
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
  });

  it('updates the title of an existing document and keeps its createdAt', async () => {
    await create();
    await create(draft({ start: 50 }), REPORT_URL, 'Council ILACS report (2026)', T1);
    expect(await db.documents.get(REPORT_URL)).toEqual({
      url: REPORT_URL,
      title: 'Council ILACS report (2026)',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('keeps the existing title when given a blank one, and uses the address when there is none', async () => {
    await create(draft(), REPORT_URL, 'Council ILACS report');
    await create(draft(), REPORT_URL, '   ');
    expect((await db.documents.get(REPORT_URL))?.title).toBe('Council ILACS report');
    await create(draft(), NEWS_URL, '');
    expect((await db.documents.get(NEWS_URL))?.title).toBe(NEWS_URL);
  });

  it('files the annotation under the document address without fragment or tracking parameters', async () => {
    const saved = await create(draft(), `${NEWS_URL}?utm_source=twitter#comments`);
    expect(saved.url).toBe(NEWS_URL);
    expect(await db.documents.get(NEWS_URL)).toBeDefined();
  });

  it('accepts several themes, retired ones included, and drops duplicates', async () => {
    await db.themes.update('neglect', { retired: true });
    const saved = await create(draft({ themes: ['workforce', 'neglect', 'workforce'] }));
    expect(saved.themes).toEqual(['workforce', 'neglect']);
  });

  it('stores only the model fields of the draft and its selectors', async () => {
    const sloppy = {
      ...draft(),
      extra: 'x',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Caseloads', prefix: '', suffix: '', html: '<b>' }],
    } as unknown as AnnotationDraft;
    const saved = await create(sloppy);
    expect(Object.keys(saved)).not.toContain('extra');
    expect(saved.selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'Caseloads', prefix: '', suffix: '' },
    ]);
  });

  const invalid: Array<[string, Partial<AnnotationDraft>, RegExp]> = [
    ['an empty quote', { quote: '' }, /quote is empty/],
    ['a quote of only spaces', { quote: '  \n ' }, /quote is empty/],
    [
      'a quote over 10,000 characters',
      { quote: 'x'.repeat(10_001) },
      /quote is longer than 10,000 characters/,
    ],
    ['an unknown severity', { severity: 7 as never }, /Severity must be -1 \(unrated\), 0, 1, 2, 3 or 4, not 7/],
    ['an unknown theme', { themes: ['workforce', 'weather'] }, /Unknown theme: "weather"/],
    ['a note over 10,000 characters', { note: 'n'.repeat(10_001) }, /note is longer than 10,000 characters/],
    [
      'no TextQuoteSelector',
      { selectors: [{ type: 'TextPositionSelector', start: 1, end: 5 }] },
      /At least one TextQuoteSelector is required/,
    ],
    [
      'a position selector that ends before it starts',
      {
        selectors: [
          { type: 'TextQuoteSelector', exact: 'a', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 9, end: 5 },
        ],
      },
      /TextPositionSelector needs whole-number offsets/,
    ],
    [
      'an unknown selector type',
      { selectors: [{ type: 'CssSelector' } as never] },
      /Unknown selector type: "CssSelector"/,
    ],
  ];

  it.each(invalid)('rejects %s with a clear message and saves nothing', async (_, overrides, message) => {
    await expect(create(draft(overrides))).rejects.toThrow(message);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('accepts a quote and a note of exactly 10,000 characters', async () => {
    const saved = await create(draft({ quote: 'q'.repeat(10_000), note: 'n'.repeat(10_000) }));
    expect(saved.quote).toHaveLength(10_000);
  });

  it('rejects a document without an address', async () => {
    await expect(create(draft(), '')).rejects.toThrow('The document has no address');
  });

  it('leaves nothing half-saved when the document write fails', async () => {
    failWrites('documents', 'creating');
    await expect(create()).rejects.toThrow('documents creating failed');
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('leaves the document record unchanged when the annotation write fails', async () => {
    await create();
    failWrites('annotations', 'creating');
    await expect(create(draft(), REPORT_URL, 'New title', T1)).rejects.toThrow('annotations creating failed');
    expect(await db.annotations.count()).toBe(1);
    expect(await db.documents.get(REPORT_URL)).toMatchObject({
      title: 'Council ILACS report',
      updatedAt: T0.toISOString(),
    });
  });
});

describe('createAnnotation on a report', () => {
  const createOnReport = (d: AnnotationDraft, reportDetails?: ReportDetails, now = T0, url = REPORT_URL) =>
    createAnnotation(db, { url, title: 'Devon ILACS 2025', draft: d, details: reportDetails }, now);

  it('stores the citation with the annotation', async () => {
    const saved = await createOnReport(draft({ citation }));
    expect(saved.citation).toEqual(citation);
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('stores only the citation fields of the model, and no last page equal to the first', async () => {
    const sloppy = { page: 4, pageEnd: 4, paragraph: 12, line: 3 } as unknown as AnnotationDraft['citation'];
    const saved = await createOnReport(draft({ citation: sloppy }));
    expect(saved.citation).toEqual({ page: 4, paragraph: 12 });
  });

  it('stores no citation for a draft without one', async () => {
    const saved = await createOnReport(draft());
    expect(Object.keys((await db.annotations.get(saved.id))!)).not.toContain('citation');
  });

  it("stores the report's details on the document record", async () => {
    await createOnReport(draft({ citation }), details());
    expect(await db.documents.get(REPORT_URL)).toEqual({
      url: REPORT_URL,
      title: 'Devon ILACS 2025',
      details: details(),
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
  });

  it('keeps the details when a later annotation brings none', async () => {
    await createOnReport(draft(), details(), T0);
    await createOnReport(draft({ start: 50 }), undefined, T1);
    expect(await db.documents.get(REPORT_URL)).toMatchObject({
      details: details(),
      updatedAt: T1.toISOString(),
    });
  });

  it('replaces the details when a later annotation brings new ones', async () => {
    await createOnReport(draft(), details('Devon'), T0);
    await createOnReport(draft({ start: 50 }), details('Devon County Council'), T1);
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details('Devon County Council'));
  });

  it('keeps the details when an annotation is changed', async () => {
    const saved = await createOnReport(draft(), details());
    await updateAnnotation(
      db,
      { url: REPORT_URL, id: saved.id, changes: { themes: [], severity: 1, note: 'x' } },
      T1,
    );
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details());
  });

  it('files a PDF from the computer under its urn:pdf address', async () => {
    const saved = await createOnReport(draft({ citation }), details(), T0, LOCAL_PDF);
    expect(saved.url).toBe(LOCAL_PDF);
    expect(await annotationsForUrl(db, LOCAL_PDF)).toEqual([saved]);
    expect((await db.documents.get(LOCAL_PDF))?.details).toEqual(details());
  });

  it('rejects an invalid citation with a clear message and saves nothing', async () => {
    await expect(createOnReport(draft({ citation: { page: 0 } }))).rejects.toThrow(
      'The page must be a whole number from 1, not 0',
    );
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('rejects invalid details with a clear message and saves nothing', async () => {
    const bad = { ...details(), visitType: 'inspection' } as unknown as ReportDetails;
    await expect(createOnReport(draft(), bad)).rejects.toThrow(/The visit type must be one of/);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('keeps the old details when the new annotation fails to save', async () => {
    await createOnReport(draft(), details('Devon'), T0);
    failWrites('annotations', 'creating');
    await expect(createOnReport(draft(), details('Torbay'), T1)).rejects.toThrow(
      'annotations creating failed',
    );
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details('Devon'));
  });
});

describe('updateAnnotation', () => {
  const changes = { themes: ['oversight', 'workforce'], severity: 4 as const, note: 'Raised at scrutiny' };

  it('changes themes, severity and note and bumps updatedAt', async () => {
    const saved = await create();
    const updated = await updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes }, T1);
    expect(updated).toEqual({ ...saved, ...changes, updatedAt: T1.toISOString() });
    expect(await db.annotations.get(saved.id)).toEqual(updated);
  });

  it('keeps the quote, selectors and createdAt whatever the changes carry', async () => {
    const saved = await create();
    const sneaky = { ...changes, quote: 'Something else', createdAt: T2.toISOString() };
    const updated = await updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes: sneaky }, T1);
    expect(updated.quote).toBe(saved.quote);
    expect(updated.selectors).toEqual(saved.selectors);
    expect(updated.createdAt).toBe(T0.toISOString());
  });

  it("touches the document's updatedAt and keeps its title", async () => {
    const saved = await create();
    await updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes }, T1);
    expect(await db.documents.get(REPORT_URL)).toMatchObject({
      title: 'Council ILACS report',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('refuses an annotation that belongs to another page', async () => {
    const saved = await create(draft(), NEWS_URL);
    await expect(updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes }, T1)).rejects.toThrow(
      'Annotation not found on this page',
    );
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('refuses an id that does not exist', async () => {
    await expect(updateAnnotation(db, { url: REPORT_URL, id: 'nope', changes })).rejects.toThrow(
      'Annotation not found on this page',
    );
  });

  it('validates the changes', async () => {
    const saved = await create();
    await expect(
      updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes: { ...changes, themes: ['weather'] } }),
    ).rejects.toThrow('Unknown theme: "weather"');
    await expect(
      updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes: { ...changes, severity: -2 as never } }),
    ).rejects.toThrow('Severity must be -1 (unrated), 0, 1, 2, 3 or 4');
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('leaves the annotation unchanged when the document write fails', async () => {
    const saved = await create();
    failWrites('documents', 'updating');
    await expect(updateAnnotation(db, { url: REPORT_URL, id: saved.id, changes }, T1)).rejects.toThrow(
      'documents updating failed',
    );
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    expect((await db.documents.get(REPORT_URL))?.updatedAt).toBe(T0.toISOString());
  });
});

describe('deleteAnnotation', () => {
  it('deletes the annotation and returns it', async () => {
    const saved = await create();
    await create(draft({ start: 10 }));
    expect(await deleteAnnotation(db, { url: REPORT_URL, id: saved.id })).toEqual(saved);
    expect(await db.annotations.get(saved.id)).toBeUndefined();
    expect(await db.documents.get(REPORT_URL)).toBeDefined();
  });

  it('removes the document record with its last annotation', async () => {
    const saved = await create();
    await create(draft(), NEWS_URL);
    await deleteAnnotation(db, { url: REPORT_URL, id: saved.id });
    expect(await db.documents.get(REPORT_URL)).toBeUndefined();
    expect(await db.documents.get(NEWS_URL)).toBeDefined();
  });

  it('answers null when the annotation is already gone (the same delete sent again)', async () => {
    const saved = await create();
    await deleteAnnotation(db, { url: REPORT_URL, id: saved.id });
    expect(await deleteAnnotation(db, { url: REPORT_URL, id: saved.id })).toBeNull();
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses an annotation that belongs to another page', async () => {
    const saved = await create(draft(), NEWS_URL);
    await expect(deleteAnnotation(db, { url: REPORT_URL, id: saved.id })).rejects.toThrow(
      'Annotation not found on this page',
    );
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('keeps the annotation when removing the document record fails', async () => {
    const saved = await create();
    failWrites('documents', 'deleting');
    await expect(deleteAnnotation(db, { url: REPORT_URL, id: saved.id })).rejects.toThrow(
      'documents deleting failed',
    );
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    expect(await db.documents.get(REPORT_URL)).toBeDefined();
  });
});

describe('restoreAnnotation', () => {
  it('puts a deleted annotation back with the same id and dates, recreating its document', async () => {
    const saved = await create();
    const deleted = (await deleteAnnotation(db, { url: REPORT_URL, id: saved.id }))!;
    const restored = await restoreAnnotation(
      db,
      { url: REPORT_URL, annotation: deleted, title: 'Report' },
      T1,
    );
    expect(restored).toEqual(saved);
    expect(await annotationsForUrl(db, REPORT_URL)).toEqual([saved]);
    expect(await db.documents.get(REPORT_URL)).toEqual({
      url: REPORT_URL,
      title: 'Report',
      createdAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('puts back the citation, and keeps the details of a document that still has annotations', async () => {
    const saved = await createAnnotation(
      db,
      { url: REPORT_URL, title: 'Report', draft: draft({ citation }), details: details() },
      T0,
    );
    await create(draft({ start: 10 }));
    const deleted = (await deleteAnnotation(db, { url: REPORT_URL, id: saved.id }))!;
    const restored = await restoreAnnotation(db, { url: REPORT_URL, annotation: deleted }, T1);
    expect(restored.citation).toEqual(citation);
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details());
  });

  it('keeps the existing document record and title when other annotations remain', async () => {
    const saved = await create();
    await create(draft({ start: 10 }));
    const deleted = (await deleteAnnotation(db, { url: REPORT_URL, id: saved.id }))!;
    await restoreAnnotation(db, { url: REPORT_URL, annotation: deleted }, T1);
    expect(await db.documents.get(REPORT_URL)).toMatchObject({
      title: 'Council ILACS report',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('refuses an annotation from another page', async () => {
    const saved = await create(draft(), NEWS_URL);
    const deleted = (await deleteAnnotation(db, { url: NEWS_URL, id: saved.id }))!;
    await expect(restoreAnnotation(db, { url: REPORT_URL, annotation: deleted })).rejects.toThrow(
      'The annotation does not belong to this page',
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it("refuses to overwrite another page's annotation that has the same id", async () => {
    const other = await create(draft(), NEWS_URL);
    const forged: Annotation = { ...other, url: REPORT_URL, quote: 'Forged', note: 'x' };
    await expect(restoreAnnotation(db, { url: REPORT_URL, annotation: forged })).rejects.toThrow(
      'The annotation id is used on another page',
    );
    expect(await db.annotations.get(other.id)).toEqual(other);
  });

  it('validates the annotation it puts back', async () => {
    const saved = await create();
    await deleteAnnotation(db, { url: REPORT_URL, id: saved.id });
    await expect(
      restoreAnnotation(db, { url: REPORT_URL, annotation: { ...saved, createdAt: 'yesterday' } }),
    ).rejects.toThrow('The annotation has invalid dates');
    await expect(
      restoreAnnotation(db, { url: REPORT_URL, annotation: { ...saved, quote: '' } }),
    ).rejects.toThrow('The quote is empty');
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });
});

describe('completeQuote', () => {
  const found = 'Caseloads are too high in the assessment teams.';
  const waiting = async (): Promise<Annotation> => {
    const saved = await create();
    const imported: Annotation = {
      ...saved,
      quote: '',
      selectors: [{ type: 'TextPositionSelector', start: 40, end: 40 + found.length }],
    };
    await db.annotations.put(imported);
    return imported;
  };
  const selectors = [
    { type: 'TextQuoteSelector' as const, exact: found, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector' as const, start: 40, end: 40 + found.length },
  ];

  it('stores the quote and selectors the page found for an annotation that had only a position, keeping its date', async () => {
    const imported = await waiting();
    const completed = await completeQuote(db, { url: REPORT_URL, id: imported.id, quote: found, selectors });
    expect(completed).toEqual({ ...imported, quote: found, selectors });
    expect(await db.annotations.get(imported.id)).toEqual(completed);
  });

  it('leaves an annotation that already has its quote as it is', async () => {
    const saved = await create();
    expect(await completeQuote(db, { url: REPORT_URL, id: saved.id, quote: 'other words', selectors })).toBeNull();
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });

  it('refuses a quote for another document, or without a TextQuoteSelector', async () => {
    const imported = await waiting();
    await expect(completeQuote(db, { url: NEWS_URL, id: imported.id, quote: found, selectors })).rejects.toThrow();
    await expect(
      completeQuote(db, { url: REPORT_URL, id: imported.id, quote: found, selectors: [selectors[1]!] }),
    ).rejects.toThrow();
    expect(await db.annotations.get(imported.id)).toEqual(imported);
  });
});

describe('annotationsForUrl', () => {
  it("returns only the document's annotations, in text order", async () => {
    const late = await create(draft({ start: 900 }), REPORT_URL, 'R', T0);
    const early = await create(draft({ start: 12 }), REPORT_URL, 'R', T1);
    await create(draft({ start: 1 }), NEWS_URL);
    expect((await annotationsForUrl(db, REPORT_URL)).map((a) => a.id)).toEqual([early.id, late.id]);
  });

  it('puts annotations without a position after the others, oldest first', async () => {
    const quoteOnly = (q: string) =>
      draft({ quote: q, selectors: [{ type: 'TextQuoteSelector', exact: q, prefix: '', suffix: '' }] });
    const second = await create(quoteOnly('second'), REPORT_URL, 'R', T2);
    const first = await create(quoteOnly('first'), REPORT_URL, 'R', T1);
    const positioned = await create(draft({ start: 5000 }), REPORT_URL, 'R', T2);
    expect((await annotationsForUrl(db, REPORT_URL)).map((a) => a.id)).toEqual([
      positioned.id,
      first.id,
      second.id,
    ]);
  });

  it('finds annotations from the raw address of the page', async () => {
    const saved = await create();
    expect(await annotationsForUrl(db, `${REPORT_URL}?utm_medium=email#page=3`)).toEqual([saved]);
  });
});

describe('listThemes', () => {
  it('lists every theme, retired ones too, by order', async () => {
    await db.themes.update('leadership', { order: 99, retired: true });
    const themes = await listThemes(db);
    expect(themes).toHaveLength(DEFAULT_THEMES.length);
    expect(themes[0]?.id).toBe('oversight');
    expect(themes.at(-1)).toMatchObject({ id: 'leadership', retired: true });
  });
});
