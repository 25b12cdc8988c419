import { butIs, FieldError, show, within } from '../../../lib/db/field-error';
import { checkCitation, checkDetails, checkDraft, checkTheme, isTimestamp } from '../../../lib/db/validate';
import type { ReportDetails } from '../../../lib/model';
import { draft } from './helpers';

const details = (overrides: Partial<ReportDetails> = {}): ReportDetails => ({
  localAuthority: 'Torbay',
  visitType: 'short inspection',
  inspectionDates: { text: '8 to 12 December 2025', start: '2025-12-08', end: '2025-12-12' },
  judgements: [{ judgement: 'Overall effectiveness', grade: 'Good' }],
  ...overrides,
});

/** The field a check names when it fails, and its message. */
function failureOf(check: () => unknown): { field: string; message: string } | 'no failure' {
  try {
    check();
  } catch (error) {
    if (error instanceof FieldError) return { field: error.field, message: error.message };
    throw error;
  }
  return 'no failure';
}

describe('checkCitation', () => {
  it('keeps page, last page, paragraph and section', () => {
    const citation = { page: 3, pageEnd: 4, paragraph: 27, section: 'Help and protection' };
    expect(checkCitation(citation)).toEqual(citation);
  });

  it('accepts a page alone', () => {
    expect(checkCitation({ page: 1 })).toEqual({ page: 1 });
  });

  it('drops a last page that is the first page', () => {
    expect(checkCitation({ page: 5, pageEnd: 5 })).toEqual({ page: 5 });
  });

  it('drops fields the model does not have', () => {
    expect(checkCitation({ page: 2, line: 14, html: '<b>' })).toEqual({ page: 2 });
  });

  const invalid: Array<[string, unknown, string, string]> = [
    ['no citation object', 'page 3', '', 'The citation must be an object'],
    ['no page', { paragraph: 4 }, 'page', 'The citation has no page'],
    ['a page of 0', { page: 0 }, 'page', 'The page must be a whole number from 1, not 0'],
    ['a fractional page', { page: 2.5 }, 'page', 'The page must be a whole number from 1, not 2.5'],
    ['a page given as text', { page: '3' }, 'page', 'The page must be a whole number from 1, not "3"'],
    [
      'a last page before the first',
      { page: 4, pageEnd: 3 },
      'pageEnd',
      'The last page must be a whole number from 4 (the first page), not 3',
    ],
    [
      'a paragraph of 0',
      { page: 1, paragraph: 0 },
      'paragraph',
      'The paragraph must be a whole number from 1, not 0',
    ],
    ['an empty section', { page: 1, section: ' ' }, 'section', 'The section heading is empty'],
    [
      'a section over 300 characters',
      { page: 1, section: 's'.repeat(301) },
      'section',
      'The section heading is longer than 300 characters',
    ],
  ];

  it.each(invalid)('refuses %s, naming the field', (_, citation, field, message) => {
    expect(failureOf(() => checkCitation(citation))).toEqual({ field, message });
  });

  it('accepts a section of exactly 300 characters', () => {
    expect(checkCitation({ page: 1, section: 's'.repeat(300) }).section).toHaveLength(300);
  });
});

describe('checkDraft with a citation', () => {
  const themes = new Set(['workforce']);

  it('keeps a valid citation and adds none when there is none', () => {
    expect(checkDraft(draft({ citation: { page: 2, paragraph: 9 } }), themes).citation).toEqual({
      page: 2,
      paragraph: 9,
    });
    expect(Object.keys(checkDraft(draft(), themes))).not.toContain('citation');
  });

  it('names the bad citation field within the draft', () => {
    expect(failureOf(() => checkDraft(draft({ citation: { page: -1 } }), themes))).toMatchObject({
      field: 'citation.page',
    });
  });
});

describe('checkDetails', () => {
  it('keeps what a report says about itself', () => {
    expect(checkDetails(details())).toEqual(details());
  });

  it('accepts each of the ten visit types, from joint area reviews to ILACS', () => {
    for (const visitType of [
      'standard inspection',
      'short inspection',
      'focused visit',
      'monitoring visit',
      'joint targeted area inspection',
      'single inspection framework inspection',
      'looked after children inspection',
      'safeguarding inspection',
      'joint area review',
      'area SEND inspection',
    ] as const) {
      expect(checkDetails(details({ visitType })).visitType).toBe(visitType);
    }
  });

  it("keeps an ungraded inspection's outcome, and leaves it out when the report has none", () => {
    const outcome = 'There are widespread and/or systemic failings leading to significant concerns.';
    expect(checkDetails(details({ judgements: [], outcome }))).toEqual(details({ judgements: [], outcome }));
    expect(checkDetails(details())).not.toHaveProperty('outcome');
  });

  it('accepts a report without judgements, and a one-day visit', () => {
    const dates = { text: '4 March 2026', start: '2026-03-04', end: '2026-03-04' };
    expect(checkDetails(details({ judgements: [], inspectionDates: dates }))).toMatchObject({
      judgements: [],
      inspectionDates: dates,
    });
  });

  it('drops fields the model does not have, at every level', () => {
    const sloppy = {
      ...details(),
      urn: '80461',
      inspectionDates: { ...details().inspectionDates, published: '2026-02-24' },
      judgements: [{ judgement: 'Overall effectiveness', grade: 'Good', colour: 'green' }],
    };
    expect(checkDetails(sloppy)).toEqual(details());
  });

  const invalid: Array<[string, unknown, string, string]> = [
    ['no details object', null, '', 'The report details must be an object'],
    [
      'an empty local authority',
      details({ localAuthority: '' }),
      'localAuthority',
      'The local authority is empty',
    ],
    [
      'a local authority over 300 characters',
      details({ localAuthority: 'x'.repeat(301) }),
      'localAuthority',
      'The local authority is longer than 300 characters',
    ],
    [
      'an unknown visit type',
      details({ visitType: 'inspection' as never }),
      'visitType',
      'The visit type must be one of "standard inspection", "short inspection", "focused visit", "monitoring visit", "joint targeted area inspection", "single inspection framework inspection", "looked after children inspection", "safeguarding inspection", "joint area review", "area SEND inspection", not "inspection"',
    ],
    ['an outcome that is not text', details({ outcome: 3 as never }), 'outcome', 'The outcome must be text'],
    [
      'an outcome over 1000 characters',
      details({ outcome: 'x'.repeat(1001) }),
      'outcome',
      'The outcome is longer than 1000 characters',
    ],
    [
      'missing inspection dates',
      details({ inspectionDates: undefined as never }),
      'inspectionDates',
      'The inspection dates must be an object with text, start and end',
    ],
    [
      'blank printed dates',
      details({ inspectionDates: { text: ' ', start: '2025-12-08', end: '2025-12-12' } }),
      'inspectionDates.text',
      'The text of the inspection dates is empty',
    ],
    [
      'a first day in another format',
      details({ inspectionDates: { text: '8 to 12 December 2025', start: '08/12/2025', end: '2025-12-12' } }),
      'inspectionDates.start',
      'The first inspection day must be a date (yyyy-mm-dd), not "08/12/2025"',
    ],
    [
      'a last day that does not exist',
      details({ inspectionDates: { text: 'February', start: '2025-02-10', end: '2025-02-30' } }),
      'inspectionDates.end',
      'The last inspection day must be a date (yyyy-mm-dd), not "2025-02-30"',
    ],
    [
      'a last day before the first',
      details({ inspectionDates: { text: 'December', start: '2025-12-12', end: '2025-12-08' } }),
      'inspectionDates.end',
      'The last inspection day (2025-12-08) is before the first (2025-12-12)',
    ],
    [
      'judgements that are not a list',
      details({ judgements: 'Good' as never }),
      'judgements',
      'The judgements must be a list',
    ],
    [
      'more than 20 judgements',
      details({ judgements: Array.from({ length: 21 }, (_, i) => ({ judgement: `J${i}`, grade: 'Good' })) }),
      'judgements',
      'A report has at most 20 judgements',
    ],
    [
      'a judgement that is not an object',
      details({ judgements: ['Good'] as never }),
      'judgements[0]',
      'A judgement must be an object with judgement and grade',
    ],
    [
      'a judgement without a grade',
      details({ judgements: [{ judgement: 'Overall effectiveness' } as never] }),
      'judgements[0].grade',
      'The grade must be text',
    ],
  ];

  it.each(invalid)('refuses %s, naming the field', (_, value, field, message) => {
    expect(failureOf(() => checkDetails(value))).toEqual({ field, message });
  });
});

describe('checkTheme', () => {
  it('keeps a theme and fills in its order and retired flag when it has none', () => {
    expect(checkTheme({ id: 'voice', label: 'Voice', color: '#ef6c00' }, 7)).toEqual({
      id: 'voice',
      label: 'Voice',
      color: '#ef6c00',
      order: 7,
      retired: false,
    });
    expect(
      checkTheme({ id: 'voice', label: 'Voice', color: '#ef6c00', order: 2, retired: true }, 7),
    ).toMatchObject({
      order: 2,
      retired: true,
    });
  });

  it('refuses a theme without an id, naming the field', () => {
    expect(failureOf(() => checkTheme({ label: 'Voice', color: '#ef6c00' }, 0))).toEqual({
      field: 'id',
      message: 'The theme has no id',
    });
  });

  const theme = { id: 'voice', label: 'Voice', color: '#ef6c00' };
  it.each([
    [
      'a colour that is not #rrggbb',
      { ...theme, color: 'red' },
      'color',
      'The theme colour must be written #rrggbb, for example #3949ab, not "red"',
    ],
    [
      'a colour that would fetch an image',
      { ...theme, color: 'url(https://tracker.example/pixel.gif)' },
      'color',
      'The theme colour must be written #rrggbb, for example #3949ab, not "url(https://tracker.example/pixel.gif)"',
    ],
    [
      'no colour',
      { id: 'voice', label: 'Voice' },
      'color',
      'The theme colour must be written #rrggbb, for example #3949ab, and it is missing',
    ],
    [
      'a label longer than a theme name can be',
      { ...theme, label: 'x'.repeat(121) },
      'label',
      'The theme label is longer than 120 characters',
    ],
    [
      'an id longer than a label',
      { ...theme, id: 'x'.repeat(121) },
      'id',
      'The theme id is longer than 120 characters',
    ],
    ['an order of null', { ...theme, order: null }, 'order', 'The theme order must be a number'],
    [
      'a retired flag of null',
      { ...theme, retired: null },
      'retired',
      'The theme retired flag must be true or false',
    ],
  ])('refuses %s, naming the field', (_, value, field, message) => {
    expect(failureOf(() => checkTheme(value, 0))).toEqual({ field, message });
  });
});

describe('isTimestamp', () => {
  it.each(['2026-03-15T10:00:00.000Z', '2026-03-15T10:00:00Z', '2024-02-29T23:59:59.999+01:00'])(
    'takes %s',
    (stamp) => {
      expect(isTimestamp(stamp)).toBe(true);
    },
  );

  it.each([
    '2026-02-30T10:00:00.000Z',
    '2026-04-31T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01 10:00:00Z',
    '2026-01-01T10:00:00',
  ])('refuses %s, which Date.parse would take or which has no time zone', (stamp) => {
    expect(isTimestamp(stamp)).toBe(false);
  });
});

describe('show and butIs', () => {
  it('quote a value from a file as JSON', () => {
    expect([show('3'), show(7), show(null), show(true), show([1, 2]), show({ a: 1 })]).toEqual([
      '"3"',
      '7',
      'null',
      'true',
      '[1,2]',
      '{"a":1}',
    ]);
  });

  it('say what JSON cannot: a missing value, an infinite number', () => {
    expect([show(undefined), show(Infinity), show(-0)]).toEqual(['nothing', 'Infinity', '0']);
    expect(butIs(undefined)).toBe(', and it is missing');
    expect(butIs('x')).toBe(', not "x"');
  });

  it('cut long values short, and name lists and objects too long or too deep to write out', () => {
    expect(show('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(39)}…"`);
    expect(show(`${'x'.repeat(38)}😀`)).toBe(`"${'x'.repeat(38)}…"`);
    expect(show(Array.from({ length: 100 }, (_, i) => i))).toBe('a list');
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(show(deep)).toBe('a list');
    expect(show({ text: 'y'.repeat(100) })).toBe('an object');
  });

  it('keep a missing severity out of the message as "undefined"', () => {
    expect(failureOf(() => checkDraft({ ...draft(), severity: undefined }, new Set(['workforce'])))).toEqual({
      field: 'severity',
      message: 'Severity must be -1 (unrated), 0, 1, 2, 3 or 4, and it is missing',
    });
  });
});

describe('within', () => {
  it('puts the place of the part in front of the failing field', () => {
    const failure = () =>
      within('annotations[3]', () =>
        within('selectors', () => within('[1]', () => checkCitation({ page: 0 }))),
      );
    expect(failureOf(failure)).toEqual({
      field: 'annotations[3].selectors[1].page',
      message: 'The page must be a whole number from 1, not 0',
    });
  });

  it('leaves other errors alone', () => {
    const error = new TypeError('boom');
    expect(() =>
      within('x', () => {
        throw error;
      }),
    ).toThrow(error);
  });
});
