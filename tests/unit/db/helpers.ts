import { openDb, type AnnotatorDb } from '../../../lib/db/database';
import type { AnnotationDraft } from '../../../lib/model';

export const REPORT_URL = 'https://files.ofsted.gov.uk/v1/file/50250000';
export const NEWS_URL = 'https://www.example-news.co.uk/news/council-children-services';
export const T0 = new Date('2026-03-15T10:00:00.000Z');
export const T1 = new Date('2026-03-16T09:30:00.000Z');
export const T2 = new Date('2026-03-17T08:00:00.000Z');

/** A fresh database of its own for each test, so tests cannot see each other's data. */
export function freshDb(): AnnotatorDb {
  return openDb(`test-${crypto.randomUUID()}`);
}

export function draft(overrides: Partial<AnnotationDraft> & { start?: number } = {}): AnnotationDraft {
  const { start = 1234, ...rest } = overrides;
  const quote = rest.quote ?? 'Caseloads are too high in the assessment teams.';
  return {
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'Social workers say ', suffix: ' Managers know' },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ],
    themes: ['workforce'],
    severity: 3,
    note: '',
    ...rest,
  };
}
