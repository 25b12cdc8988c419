// Stored objects that exercise what the W3C model and export version 3 say about positions,
// severity and quotes: an emoji before and inside a quote (positions count code points), an
// unrated annotation with no theme and no note (nothing to say in a body), an annotation
// waiting for its quote (quote "", a TextPositionSelector only), and a report's annotation
// with its citation. With the themes and documents they name, as an export source.

import type { Annotation, DocumentRecord, Theme } from '../../../lib/model';
import { UNRATED } from '../../../lib/taxonomy/severity';
import { NEWS_URL, REPORT_URL, T0, T1, T2 } from '../db/helpers';
import { newsRecord, oversight, reportAnnotation, reportRecord, workforce } from './samples';

/** A theme whose id is neither its label's slug nor safe in a URI, to prove ids survive as ids. */
export const courtWork: Theme = {
  id: 'court work/PLO',
  label: 'Pre-proceedings & court work',
  color: '#00897b',
  order: 5,
  retired: false,
};

// An emoji is 2 UTF-16 units and 1 code point: on a page that begins with the prefix, the quote
// starts at code point 24 (UTF-16 unit 25) and ends at code point 48 (unit 50).
const EMOJI_PREFIX = 'Young people said 🙂 and ';
const EMOJI_QUOTE = 'workers 👍 listen to them';

export const emojiAnnotation: Annotation = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  url: NEWS_URL,
  quote: EMOJI_QUOTE,
  selectors: [
    { type: 'TextQuoteSelector', exact: EMOJI_QUOTE, prefix: EMOJI_PREFIX, suffix: '.' },
    { type: 'TextPositionSelector', start: 24, end: 48 },
  ],
  themes: ['workforce', 'court work/PLO'],
  severity: 1,
  note: 'Praise 🎉 from care leavers',
  createdAt: T0.toISOString(),
  updatedAt: T2.toISOString(),
};

export const unratedAnnotation: Annotation = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  url: NEWS_URL,
  quote: 'Caseloads are too high.',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Caseloads are too high.', prefix: 'Staff say ', suffix: '' },
  ],
  themes: [],
  severity: UNRATED,
  note: '',
  createdAt: T1.toISOString(),
  updatedAt: T1.toISOString(),
};

export const waitingAnnotation: Annotation = {
  id: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b',
  url: REPORT_URL,
  quote: '',
  selectors: [{ type: 'TextPositionSelector', start: 2040, end: 2101 }],
  themes: ['oversight'],
  severity: UNRATED,
  note: 'Imported from another tool',
  createdAt: T1.toISOString(),
  updatedAt: T2.toISOString(),
};

/** Everything above with the report's annotation (a PDF, with its citation), as exporters take it. */
export function standardSource(): {
  annotations: Annotation[];
  themes: Theme[];
  documents: DocumentRecord[];
} {
  return {
    annotations: [reportAnnotation, emojiAnnotation, unratedAnnotation, waitingAnnotation],
    themes: [workforce, oversight, courtWork],
    documents: [reportRecord, newsRecord],
  };
}
