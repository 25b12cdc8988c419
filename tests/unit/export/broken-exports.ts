// Broken copies of a valid version-3 export, each with the start of the message the reader
// gives for it. Both the JSON Schema test and the reader test use them, so the reader refuses
// whatever the schema refuses.

import { buildJsonExport } from '../../../lib/export/json';
import { T2 } from '../db/helpers';
import { newsAnnotation, newsRecord, oversight, reportAnnotation, reportRecord, workforce } from './samples';

export type Mutable = Record<string, any>;

/** A valid version-3 export as parsed JSON: annotations[0] is the report's (citation, details), annotations[1] the news page's. */
export function validExport(): Mutable {
  const data = buildJsonExport(
    {
      annotations: [reportAnnotation, newsAnnotation],
      themes: [workforce, oversight],
      documents: [reportRecord, newsRecord],
    },
    T2,
  );
  return JSON.parse(JSON.stringify(data)) as Mutable;
}

const NOT_AN_EXPORT = 'This is not an Ofsted Annotator export';

export const BROKEN_EXPORTS: Array<[description: string, breakIt: (data: Mutable) => void, message: string]> =
  [
    ['a missing format', (d) => delete d.format, NOT_AN_EXPORT],
    ['another format name', (d) => (d.format = 'hypothesis'), NOT_AN_EXPORT],
    ['another version', (d) => (d.version = 4), 'Cannot read export version 4'],
    ['an exportedAt that is not a date-time', (d) => (d.exportedAt = '15 March 2026'), 'exportedAt: '],
    ['a theme without a label', (d) => delete d.themes[0].label, 'themes[0].label: '],
    [
      'a theme whose retired flag is not a boolean',
      (d) => (d.themes[0].retired = 'no'),
      'themes[0].retired: ',
    ],
    ['an annotation without an id', (d) => delete d.annotations[0].id, 'annotations[0].id: '],
    [
      'an annotation without a document title',
      (d) => delete d.annotations[0].document.title,
      'annotations[0].document.title: ',
    ],
    [
      'a severity of 5',
      (d) => (d.annotations[0].severity = 5),
      'annotations[0].severity: Severity must be -1 (unrated), 0, 1, 2, 3 or 4, not 5',
    ],
    ['a severity given as text', (d) => (d.annotations[0].severity = '3'), 'annotations[0].severity: '],
    [
      'a bad severity on the second annotation',
      (d) => (d.annotations[1].severity = -2),
      'annotations[1].severity: ',
    ],
    [
      'themes given as labels in one string',
      (d) => (d.annotations[0].themes = 'workforce, oversight'),
      'annotations[0].themes: ',
    ],
    ['a missing note', (d) => delete d.annotations[0].note, 'annotations[0].note: '],
    [
      'an updatedAt that is not a date-time',
      (d) => (d.annotations[0].updatedAt = 'later'),
      'annotations[0].updatedAt: ',
    ],
    [
      'a quote found by position alone',
      (d) => d.annotations[0].selectors.shift(),
      'annotations[0].quote: An annotation found by position alone has no quote until its page is opened',
    ],
    [
      'an empty quote with a TextQuoteSelector',
      (d) => (d.annotations[0].quote = ''),
      'annotations[0].quote: The quote is empty',
    ],
    [
      'neither a TextQuoteSelector nor a TextPositionSelector',
      (d) => (d.annotations[0].selectors = []),
      'annotations[0].selectors: At least one TextQuoteSelector or TextPositionSelector is required',
    ],
    [
      'a TextQuoteSelector without a prefix',
      (d) => delete d.annotations[0].selectors[0].prefix,
      'annotations[0].selectors[0].prefix: ',
    ],
    [
      'a TextPositionSelector with a fractional start',
      (d) => (d.annotations[0].selectors[1].start = 1.5),
      'annotations[0].selectors[1].start: ',
    ],
    [
      'a selector without a type',
      (d) => delete d.annotations[0].selectors[1].type,
      'annotations[0].selectors[1].type: ',
    ],
    // Version 2's additions (version 3 changed meanings only: see the other files' tests).
    ['a page of 0', (d) => (d.annotations[0].page = 0), 'annotations[0].page: '],
    ['a fractional paragraph', (d) => (d.annotations[0].paragraph = 12.5), 'annotations[0].paragraph: '],
    ['an empty section heading', (d) => (d.annotations[0].section = ''), 'annotations[0].section: '],
    ['a paragraph without a page', (d) => delete d.annotations[0].page, 'annotations[0].page: '],
    [
      'a document updatedAt that is not a date-time',
      (d) => (d.annotations[0].document.updatedAt = 'yesterday'),
      'annotations[0].document.updatedAt: ',
    ],
    [
      'an unknown visit type',
      (d) => (d.annotations[0].document.visitType = 'inspection'),
      'annotations[0].document.visitType: ',
    ],
    [
      'an inspection day that is not yyyy-mm-dd',
      (d) => (d.annotations[0].document.inspectionDates.start = '30/09/2024'),
      'annotations[0].document.inspectionDates.start: ',
    ],
    [
      'report details without their judgements',
      (d) => delete d.annotations[0].document.judgements,
      'annotations[0].document.judgements: ',
    ],
    [
      'a judgement without a grade',
      (d) => delete d.annotations[0].document.judgements[1].grade,
      'annotations[0].document.judgements[1].grade: ',
    ],
  ];
