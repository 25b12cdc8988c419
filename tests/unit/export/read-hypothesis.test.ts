import { listThemes } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { describeImport, importContents, importFile } from '../../../lib/db/import';
import { renameTheme } from '../../../lib/db/themes';
import { readAnyExport } from '../../../lib/export/read-any';
import {
  isHypothesisFile,
  NO_QUOTE,
  PAGE_NOTE,
  readHypothesisExport,
  REPLY,
} from '../../../lib/export/read-hypothesis';
import { stableUuid } from '../../../lib/export/stable-uuid';
import { buildW3cCollection } from '../../../lib/export/w3c';
import { UNRATED } from '../../../lib/taxonomy/severity';
import newsExport from '../../fixtures/hypothesis/news-export.json';
import reportSearch from '../../fixtures/hypothesis/report-search.json';
import { freshDb } from '../db/helpers';

type Mutable = Record<string, any>;

const NEWS = 'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001';
const REPORT = 'https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025';
const NOW = new Date('2026-03-21T12:00:00.000Z');

/** A copy of a fixture to change. */
const copy = (fixture: unknown): Mutable => structuredClone(fixture) as Mutable;

/** A one-annotation export around `annotation`, a highlight of the news page unless overridden. */
function exportOf(overrides: Mutable = {}): Mutable {
  const file = copy(newsExport);
  file.annotations = [{ ...file.annotations[0], ...overrides }];
  return file;
}

const read = (json: unknown) => readHypothesisExport(json, NOW);
const themeLabels = (json: unknown) => {
  const { themes, annotations } = read(json);
  const label = new Map(themes.map((t) => [t.id, t.label]));
  return annotations.map((a) => a.themes.map((id) => label.get(id)));
};

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('isHypothesisFile', () => {
  it('recognises the client’s export file and the API’s search response, and nothing else', () => {
    expect(isHypothesisFile(newsExport)).toBe(true);
    expect(isHypothesisFile(reportSearch)).toBe(true);
    expect(isHypothesisFile({ total: 0, rows: [] })).toBe(true);
    expect(isHypothesisFile({ rows: [{ uri: NEWS, target: [] }] })).toBe(true);
    for (const other of [
      null,
      [],
      {},
      { annotations: [] },
      { rows: [1, 2] },
      { format: 'ofsted-annotator' },
    ]) {
      expect(isHypothesisFile(other)).toBe(false);
    }
  });
});

describe('readHypothesisExport', () => {
  it('reads each highlight of an export with its quote, context, note, dates and page', () => {
    const { annotations, documents } = read(newsExport);
    expect(annotations).toHaveLength(6);
    expect(annotations[0]).toEqual({
      id: stableUuid('Kx3dV2pTEe2wH1sYq4aB7Q'),
      url: NEWS,
      quote: 'remain in unsafe and neglectful circumstances for too long',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'remain in unsafe and neglectful circumstances for too long',
          prefix: 'of Devon’s vulnerable children “',
          suffix: ',” according to a new report by ',
        },
      ],
      themes: ['neglect'],
      severity: 4,
      note: 'The headline finding, **unchanged** since the [2020 inspection](https://files.ofsted.gov.uk/v1/file/50149435).',
      createdAt: '2026-02-02T10:04:31.552Z',
      updatedAt: '2026-02-03T08:12:09.004Z',
    });
    expect(documents).toEqual([
      {
        url: NEWS,
        title:
          "Devon's vulnerable children 'remain in unsafe and neglectful circumstances for too long', says Ofsted | Devon News",
        createdAt: '2026-02-02T10:04:31.552Z',
        updatedAt: '2026-02-03T08:12:09.004Z',
      },
    ]);
  });

  it('keeps the quote and its context as the evidence and drops Hypothesis’s positions, which count other characters', () => {
    for (const annotation of read(newsExport).annotations) {
      expect(annotation.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    }
    const bare = exportOf({
      target: [{ source: NEWS, selector: [{ type: 'TextQuoteSelector', exact: 'staff shortages' }] }],
    });
    expect(read(bare).annotations[0]!.selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'staff shortages', prefix: '', suffix: '' },
    ]);
  });

  it('stores the quote with each run of white space as one space, and keeps the selector as Hypothesis wrote it', () => {
    const selector = {
      type: 'TextQuoteSelector',
      exact: '\n  Published this week,\n the latest',
      prefix: '\n',
      suffix: ' report',
    };
    const [annotation] = read(exportOf({ target: [{ source: NEWS, selector: [selector] }] })).annotations;
    expect(annotation!.quote).toBe('Published this week, the latest');
    expect(annotation!.selectors).toEqual([selector]);
  });

  it('gives each annotation the same id on every reading, made from its Hypothesis id', () => {
    const ids = read(newsExport).annotations.map((a) => a.id);
    expect(read(copy(newsExport)).annotations.map((a) => a.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
    expect(ids[1]).toBe(stableUuid('LmP0c2pTEe2k9xvGmW1zRA'));
  });

  it('makes one theme of a name however its tags write its case and spacing', () => {
    const file = copy(newsExport);
    file.annotations[1].tags = ['Private  Fostering'];
    file.annotations[3].tags = ['private fostering', 'private-fostering'];
    const { themes, annotations } = read(file);
    expect(themes.filter((t) => t.label.toLowerCase().includes('fostering'))).toEqual([
      { id: 'private-fostering', label: 'Private  Fostering', color: '#757575', order: 1, retired: false },
    ]);
    expect(annotations[1]!.themes).toEqual(['private-fostering']);
    expect(annotations[2]!.themes).toEqual(['private-fostering']);
  });

  it('turns every other tag into a theme of its own name, in the order of first use', () => {
    expect(read(newsExport).themes.map((t) => t.label)).toEqual([
      'Neglect',
      'QA data',
      'immediate  PROTECTION',
      'timeliness',
      'caseloads',
      'practice model',
      'Multi-agency working',
      'Domestic Abuse',
    ]);
    expect(themeLabels(newsExport)[5]).toEqual(['Multi-agency working', 'Domestic Abuse']);
  });

  it('sets the severity from a severity:N tag or a severity’s label, and leaves it unrated without one', () => {
    expect(read(newsExport).annotations.map((a) => a.severity)).toEqual([4, UNRATED, UNRATED, 3, 2, 1]);
    const severityOf = (tags: string[]) => read(exportOf({ tags })).annotations[0]!.severity;
    expect(severityOf(['severity: 0'])).toBe(0);
    expect(severityOf(['SERIOUS CONCERN'])).toBe(4);
    expect(severityOf(['needs-improvement'])).toBe(3);
    expect(severityOf(['Context'])).toBe(0);
    expect(severityOf(['unrated'])).toBe(UNRATED);
    expect(severityOf([])).toBe(UNRATED);
    // Not a level: an ordinary tag.
    expect(severityOf(['severity:7'])).toBe(UNRATED);
    expect(themeLabels(exportOf({ tags: ['severity:7'] }))).toEqual([['severity:7']]);
  });

  it('lets the first severity tag set the severity and keeps a disagreeing one as a theme, saying so', () => {
    const { annotations, themes, notes } = read(exportOf({ tags: ['Strength', 'severity:1', 'severity:4'] }));
    expect(annotations[0]!.severity).toBe(1);
    expect(themes.map((t) => t.label)).toEqual(['severity:4']);
    expect(notes).toEqual([
      '1 severity tag disagreed with an earlier one on the same annotation: the first sets the severity, the others are kept as themes',
    ]);
  });

  it('skips replies and page notes, each with its place and reason, and makes no theme of their tags', () => {
    const { skipped, themes } = read(newsExport);
    expect(skipped).toEqual([
      { place: 'annotations[2]', reason: REPLY },
      { place: 'annotations[5]', reason: PAGE_NOTE },
      { place: 'annotations[8]', reason: REPLY },
    ]);
    expect(themes.map((t) => t.label)).not.toContain('follow-up');
  });

  it('takes a target with an empty list of selectors for a page note', () => {
    expect(read(exportOf({ target: [{ source: NEWS, selector: [] }] })).skipped).toEqual([
      { place: 'annotations[0]', reason: PAGE_NOTE },
    ]);
  });

  it('skips a highlight whose only selectors are positions, as they cannot be placed here', () => {
    const positionsOnly = exportOf({
      target: [{ source: NEWS, selector: [{ type: 'TextPositionSelector', start: 280, end: 315 }] }],
    });
    expect(read(positionsOnly)).toMatchObject({
      annotations: [],
      skipped: [{ place: 'annotations[0]', reason: NO_QUOTE }],
    });
  });

  it('reads an API search response, and skips the replies it lists apart', () => {
    const search = copy(reportSearch);
    search.replies = [{ ...search.rows[2] }];
    const { annotations, documents, skipped } = read(search);
    expect(annotations.map((a) => [a.quote, a.themes, a.severity])).toEqual([
      [
        'There are delays in almost half of the child protection strategy discussions being held.',
        ['cp-response'],
        4,
      ],
      [
        'Management oversight and grip across the service and the effectiveness of supervision',
        ['management-oversight-and-supervision'],
        4,
      ],
      [
        'The response to children who are privately fostered is consistently strong',
        ['private-fostering'],
        1,
      ],
      ['Children’s experiences in Devon remain poor.', [], UNRATED],
    ]);
    expect(documents.map((d) => [d.url, d.title])).toEqual([
      [REPORT, "Inspection of Devon local authority children's services (Ofsted, 13 May 2025)"],
    ]);
    expect(skipped).toEqual([
      { place: 'rows[2]', reason: REPLY },
      { place: 'rows[3]', reason: PAGE_NOTE },
      { place: 'replies[0]', reason: REPLY },
    ]);
  });

  it('names the document by its first title, else by its address, which loses its fragment', () => {
    const titled = read(exportOf({ uri: `${NEWS}#comments`, document: { title: ['First', 'Second'] } }));
    expect(titled.documents).toMatchObject([{ url: NEWS, title: 'First' }]);
    expect(titled.annotations[0]!.url).toBe(NEWS);
    // The client's own type has the title as text, not a list.
    expect(read(exportOf({ document: { title: 'As text' } })).documents[0]!.title).toBe('As text');
    expect(read(exportOf({ document: {} })).documents[0]!.title).toBe(NEWS);
  });

  it('takes the address from the target when the annotation has no uri', () => {
    const { uri: _, ...noUri } = newsExport.annotations[0]!;
    const file = copy(newsExport);
    file.annotations = [noUri];
    expect(read(file).annotations[0]!.url).toBe(NEWS);
  });

  it('cites the page of a PDF highlight from its PageSelector', () => {
    const pdf = 'https://files.ofsted.gov.uk/v1/file/50276862';
    const selector = [
      { type: 'TextQuoteSelector', exact: 'Children’s experiences in Devon remain poor.' },
      { type: 'PageSelector', index: 2, label: '3' },
    ];
    const { annotations } = read(exportOf({ uri: pdf, target: [{ source: pdf, selector }] }));
    expect(annotations[0]!.citation).toEqual({ page: 3 });
  });

  it('dates an annotation by whichever date it has, or by the file’s date, saying so', () => {
    const updatedOnly = read(exportOf({ created: undefined, updated: '2026-02-05T10:00:00+00:00' }));
    expect(updatedOnly.annotations[0]).toMatchObject({
      createdAt: '2026-02-05T10:00:00.000Z',
      updatedAt: '2026-02-05T10:00:00.000Z',
    });
    expect(updatedOnly.notes).toEqual([]);
    const undated = read(exportOf({ created: undefined, updated: undefined }));
    expect(undated.annotations[0]).toMatchObject({
      createdAt: '2026-03-20T09:15:02.118Z',
      updatedAt: '2026-03-20T09:15:02.118Z',
    });
    expect(undated.notes).toEqual(['1 annotation had no date: the file’s date was used']);
    const search = {
      total: 1,
      rows: [{ ...newsExport.annotations[0], created: undefined, updated: undefined }],
    };
    expect(read(search).annotations[0]!.createdAt).toBe(NOW.toISOString());
  });

  it('skips an annotation it cannot read, saying why, and reads the rest', () => {
    const file = copy(newsExport);
    file.annotations[0].created = 'last Tuesday';
    file.annotations[1].tags = ['fine', 3];
    file.annotations[3].text = 'x'.repeat(10_001);
    file.annotations[4] = 'not an annotation';
    const { annotations, skipped, themes } = read(file);
    expect(annotations).toHaveLength(2);
    // The tags of what was skipped make no themes.
    expect(themes.map((t) => t.label)).toEqual(['practice model', 'Multi-agency working', 'Domestic Abuse']);
    expect(skipped!.filter((s) => s.reason.startsWith('unreadable'))).toEqual([
      {
        place: 'annotations[0]',
        reason: 'unreadable annotations (created: The date must be a date and time with its time zone)',
      },
      { place: 'annotations[1]', reason: 'unreadable annotations (tags[1]: A tag must be text)' },
      {
        place: 'annotations[3]',
        reason: 'unreadable annotations (note: The note is longer than 10,000 characters)',
      },
      { place: 'annotations[4]', reason: 'unreadable annotations (An annotation must be an object)' },
    ]);
  });

  it('refuses a file whose annotations are not a list', () => {
    expect(messageOf(() => read({ total: 1, rows: {} }))).toBe('rows: The annotations must be a list');
  });
});

describe('importing a Hypothesis export', () => {
  let db: AnnotatorDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  const fileOf = (json: unknown) => {
    const text = JSON.stringify(json);
    return { size: text.length, text: async () => text };
  };

  it('makes a tag that names an existing theme that theme, whatever its case and spacing', async () => {
    await importFile(db, fileOf(newsExport));
    const themes = (await db.annotations.toArray()).map((a) => a.themes);
    const ids = new Set(themes.flat());
    // "Neglect", "QA data" (the id qa-data), "immediate  PROTECTION", "timeliness" (the id),
    // "Multi-agency working" and "Domestic Abuse" are the default themes of those names.
    for (const id of ['neglect', 'qa-data', 'cp-response', 'timeliness', 'partnership', 'domestic-abuse']) {
      expect(ids).toContain(id);
    }
    expect((await db.annotations.get(stableUuid('Nq1hI2pTEe2c0U8hZ1mJdg')))?.themes).toEqual([
      'cp-response',
      'timeliness',
    ]);
  });

  it('adds the tags that name no theme as new themes and says what it skipped', async () => {
    const result = await importFile(db, fileOf(newsExport));
    expect(result.newThemes).toEqual(['caseloads', 'practice model']);
    expect((await listThemes(db)).slice(-2)).toEqual([
      { id: 'caseloads', label: 'caseloads', color: '#757575', order: 18, retired: false },
      { id: 'practice-model', label: 'practice model', color: '#757575', order: 19, retired: false },
    ]);
    expect(describeImport(result)).toBe(
      '6 added, 0 updated, 0 unchanged, 2 new themes: “caseloads”, “practice model”. ' +
        `3 skipped: ${REPLY}: 2; ${PAGE_NOTE}: 1`,
    );
  });

  it('makes a tag the theme the user renamed to its name', async () => {
    await renameTheme(db, 'workforce', 'Case loads');
    const result = await importContents(db, read(newsExport));
    expect(result.newThemes).toEqual(['practice model']);
    expect((await db.annotations.get(stableUuid('P4sZXmpTEe2dR0tD2r8b1A')))?.themes).toEqual(['workforce']);
  });

  it('makes tags that name the same theme one theme on the annotation', async () => {
    const file = exportOf({ tags: ['Front door and thresholds', 'front-door'] });
    await importContents(db, read(file));
    expect((await db.annotations.toArray())[0]!.themes).toEqual(['front-door']);
  });

  it('updates instead of duplicating when the same annotations are imported again, changed or not', async () => {
    await importFile(db, fileOf(newsExport));
    expect(await importFile(db, fileOf(newsExport))).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 6,
      newThemes: [],
    });
    const edited = copy(newsExport);
    edited.annotations[0].text = 'Edited in Hypothesis later.';
    edited.annotations[0].updated = '2026-03-01T09:00:00.000000+00:00';
    expect(await importFile(db, fileOf(edited))).toMatchObject({ added: 0, updated: 1, unchanged: 5 });
    expect(await db.annotations.count()).toBe(6);
    expect((await db.annotations.get(stableUuid('Kx3dV2pTEe2wH1sYq4aB7Q')))?.note).toBe(
      'Edited in Hypothesis later.',
    );
  });

  it('imports an API search response through the same import as every other file', async () => {
    expect(readAnyExport(reportSearch).annotations).toHaveLength(4);
    const result = await importFile(db, fileOf(reportSearch));
    expect(result).toMatchObject({ added: 4, newThemes: ['private fostering'] });
    expect(await db.documents.get(REPORT)).toMatchObject({
      title: "Inspection of Devon local authority children's services (Ofsted, 13 May 2025)",
    });
    expect((await db.annotations.get(stableUuid('bB2yC3qUEe2Hn4Ua1qXw9R')))?.themes).toEqual(['oversight']);
  });
});

describe('a Hypothesis import exported as W3C', () => {
  it('imports into a fresh database as the same annotations, documents and themes', async () => {
    const first = freshDb();
    const second = freshDb();
    try {
      await importContents(first, read(newsExport));
      await importContents(first, read(reportSearch));
      const input = {
        annotations: await first.annotations.toArray(),
        documents: await first.documents.toArray(),
        themes: await listThemes(first),
      };
      const w3c = JSON.parse(JSON.stringify(buildW3cCollection(input, { now: NOW })));

      expect(await importContents(second, readAnyExport(w3c))).toMatchObject({
        added: 10,
        newThemes: ['caseloads', 'practice model', 'private fostering'],
      });

      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect((await second.annotations.toArray()).sort(byId)).toEqual(input.annotations.sort(byId));
      expect(await second.documents.toArray()).toEqual(input.documents);
      expect(await listThemes(second)).toEqual(input.themes);
    } finally {
      await Promise.all([first.delete(), second.delete()]);
    }
  });
});
