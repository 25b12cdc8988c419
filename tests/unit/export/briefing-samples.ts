// Test data for the briefing exports (Markdown, CSV, W3C, links): the Devon report and the
// news page of ./samples.ts, with a few more annotations and a third theme.

import type { BriefingInput } from '../../../lib/export/briefing-input';
import type { Annotation, Theme } from '../../../lib/model';
import { NEWS_URL, REPORT_URL, T0, T1 } from '../db/helpers';
import { newsAnnotation, newsRecord, oversight, reportAnnotation, reportRecord, workforce } from './samples';

export { NEWS_URL, REPORT_URL };

export const frontDoor: Theme = {
  id: 'front-door',
  label: 'Front door and thresholds',
  color: '#f4511e',
  order: 6,
  retired: false,
};

/** The viewer's address as the background builds it, on a fixed extension id. */
export const viewerUrl = (address: string) =>
  `chrome-extension://abcdefgh/viewer.html?file=${encodeURIComponent(address)}`;

let counter = 0;

/** An annotation on the news page unless overridden, with a fresh id. */
export function annotation(overrides: Partial<Annotation> = {}): Annotation {
  counter += 1;
  const quote = overrides.quote ?? 'Thresholds are applied consistently.';
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    url: NEWS_URL,
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    themes: ['front-door'],
    severity: 1,
    note: '',
    createdAt: T0.toISOString(),
    updatedAt: T1.toISOString(),
    ...overrides,
  };
}

/** A strength in the report, beside its weakness (reportAnnotation) under workforce. */
export const reportStrength: Annotation = annotation({
  url: REPORT_URL,
  quote: 'Social workers stay.',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Social workers stay.', prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 5000, end: 5020 },
  ],
  themes: ['workforce'],
  severity: 1,
  citation: { page: 7, paragraph: 31 },
});

/** No theme at all. */
export const unthemed: Annotation = annotation({
  quote: 'The council met on Tuesday.',
  themes: [],
  severity: 0,
});

/** The sample input: two documents, three themes (oversight retired), five annotations. */
export function sampleInput(): BriefingInput {
  return {
    annotations: [newsAnnotation, reportStrength, unthemed, reportAnnotation, annotation()],
    documents: [reportRecord, newsRecord],
    themes: [workforce, frontDoor, oversight],
  };
}

/** A quote or note holding Markdown, HTML and a script link. */
export const HOSTILE = '**bold** [x](javascript:alert(1)) <img src=x>';
