import { createAnnotation, deleteAnnotation, listThemes } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { countsBy, pageSummaries, searchAnnotations } from '../../../lib/db/queries';
import type { Annotation, AnnotationDraft, Theme } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from './helpers';

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const create = (url: string, title: string, d: AnnotationDraft, now: Date) =>
  createAnnotation(db, { url, title, draft: d }, now);

describe('pageSummaries', () => {
  it('lists each annotated document with its count, most recently changed first', async () => {
    await create(REPORT_URL, 'ILACS report', draft(), T0);
    await create(NEWS_URL, 'Council news', draft(), T1);
    await create(REPORT_URL, 'ILACS report', draft({ start: 9 }), T2);
    expect(await pageSummaries(db)).toEqual([
      { url: REPORT_URL, title: 'ILACS report', count: 2, updatedAt: T2.toISOString() },
      { url: NEWS_URL, title: 'Council news', count: 1, updatedAt: T1.toISOString() },
    ]);
  });

  it('drops a document once its last annotation is deleted', async () => {
    const only = await create(NEWS_URL, 'Council news', draft(), T0);
    await deleteAnnotation(db, { url: NEWS_URL, id: only.id });
    expect(await pageSummaries(db)).toEqual([]);
  });
});

describe('searchAnnotations', () => {
  let caseloads: Annotation;
  let thresholds: Annotation;
  beforeEach(async () => {
    caseloads = await create(REPORT_URL, 'ILACS report', draft({ quote: 'Caseloads are too HIGH in assessment teams.' }), T0);
    thresholds = await create(
      NEWS_URL,
      'Council news',
      draft({ quote: 'Thresholds are not consistently applied.', note: 'Compare with the 2023 caseloads letter' }),
      T1,
    );
  });

  it('finds annotations whose quote or note contains every word, ignoring case', async () => {
    expect(await searchAnnotations(db, 'high CASELOADS')).toEqual([{ annotation: caseloads, title: 'ILACS report' }]);
    expect(await searchAnnotations(db, 'thresholds 2023')).toEqual([{ annotation: thresholds, title: 'Council news' }]);
  });

  it('lists matches most recently changed first', async () => {
    const hits = await searchAnnotations(db, 'caseloads');
    expect(hits.map((h) => h.annotation.id)).toEqual([thresholds.id, caseloads.id]);
  });

  it('matches parts of words', async () => {
    expect((await searchAnnotations(db, 'consistent')).map((h) => h.annotation.id)).toEqual([thresholds.id]);
  });

  it('finds nothing when one word is missing', async () => {
    expect(await searchAnnotations(db, 'caseloads weather')).toEqual([]);
  });

  it('finds nothing for a blank query', async () => {
    expect(await searchAnnotations(db, '   ')).toEqual([]);
  });
});

describe('countsBy', () => {
  const base = { url: REPORT_URL, quote: 'q', selectors: [], note: '', createdAt: '', updatedAt: '' };
  const annotations: Annotation[] = [
    { ...base, id: 'a', themes: ['workforce', 'oversight'], severity: 4 },
    { ...base, id: 'b', themes: ['workforce'], severity: 3 },
    { ...base, id: 'c', themes: ['gone'], severity: 3 },
    { ...base, id: 'd', themes: [], severity: 1 },
  ];

  it('counts annotations per theme, every theme in order, zeros included', () => {
    const { byTheme } = countsBy(annotations, DEFAULT_THEMES);
    expect(byTheme.map((t) => t.theme.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
    expect(byTheme.find((t) => t.theme.id === 'workforce')?.count).toBe(2);
    expect(byTheme.find((t) => t.theme.id === 'oversight')?.count).toBe(1);
    expect(byTheme.find((t) => t.theme.id === 'neglect')?.count).toBe(0);
  });

  it('orders themes by their order field whatever order they come in', () => {
    const themes: Theme[] = [
      { id: 'b', label: 'B', color: '#000', order: 2, retired: false },
      { id: 'a', label: 'A', color: '#000', order: 1, retired: true },
    ];
    expect(countsBy([], themes).byTheme.map((t) => t.theme.id)).toEqual(['a', 'b']);
  });

  it('counts annotations per severity, highest first, with labels', () => {
    expect(countsBy(annotations, []).bySeverity).toEqual([
      { level: 4, label: 'Serious concern', count: 1 },
      { level: 3, label: 'Needs improvement', count: 2 },
      { level: 2, label: 'Improving, not yet embedded', count: 0 },
      { level: 1, label: 'Strength', count: 1 },
      { level: 0, label: 'Context', count: 0 },
    ]);
  });

  it('works on what the database returns', async () => {
    await create(REPORT_URL, 'R', draft({ themes: ['voice'], severity: 1 }), T0);
    const counts = countsBy(await db.annotations.toArray(), await listThemes(db));
    expect(counts.byTheme.find((t) => t.theme.id === 'voice')?.count).toBe(1);
    expect(counts.bySeverity.find((s) => s.level === 1)?.count).toBe(1);
  });
});
