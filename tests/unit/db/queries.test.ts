import { createAnnotation, deleteAnnotation } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { pageSummaries, searchAnnotations } from '../../../lib/db/queries';
import type { Annotation, AnnotationDraft } from '../../../lib/model';
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
    caseloads = await create(
      REPORT_URL,
      'ILACS report',
      draft({ quote: 'Caseloads are too HIGH in assessment teams.' }),
      T0,
    );
    thresholds = await create(
      NEWS_URL,
      'Council news',
      draft({
        quote: 'Thresholds are not consistently applied.',
        note: 'Compare with the 2023 caseloads letter',
      }),
      T1,
    );
  });

  it('finds annotations whose quote or note contains every word, ignoring case', async () => {
    expect(await searchAnnotations(db, 'high CASELOADS')).toEqual([
      { annotation: caseloads, title: 'ILACS report' },
    ]);
    expect(await searchAnnotations(db, 'thresholds 2023')).toEqual([
      { annotation: thresholds, title: 'Council news' },
    ]);
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
