import { listThemes } from '../../../lib/db/annotations';
import { importContents } from '../../../lib/db/import';
import { readW3cCollection, stableUuid } from '../../../lib/export/read-w3c';
import type { BriefingInput } from '../../../lib/export/briefing-input';
import { buildW3cCollection, W3C_EXTENSION_VERSION } from '../../../lib/export/w3c';
import type { Annotation, DocumentRecord } from '../../../lib/model';
import { freshDb, NEWS_URL, REPORT_URL, T0, T1, T2 } from '../db/helpers';
import { sampleInput } from './briefing-samples';

type Mutable = Record<string, any>;

const byId = (a: Annotation, b: Annotation) => (a.id < b.id ? -1 : 1);
const byUrl = (a: DocumentRecord, b: DocumentRecord) => (a.url < b.url ? -1 : 1);

/** The extension's own W3C export of `input`, as parsed JSON. */
const exported = (input: BriefingInput = sampleInput()): Mutable =>
  JSON.parse(JSON.stringify(buildW3cCollection(input, { now: T2 })));

/** A W3C annotation as another tool might write it: no extension properties. */
function foreign(overrides: Mutable = {}): Mutable {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example.org/anno/42',
    type: 'Annotation',
    created: T0.toISOString(),
    modified: T1.toISOString(),
    body: [
      { type: 'TextualBody', value: 'Caseloads are still high.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Front door & thresholds' },
      { type: 'TextualBody', purpose: 'assessing', value: 'needs improvement' },
    ],
    target: {
      source: `${NEWS_URL}#comments`,
      selector: [
        { type: 'CssSelector', value: '#main' },
        { type: 'TextQuoteSelector', exact: 'Caseloads are too high.' },
        { type: 'TextPositionSelector', start: 10, end: 33 },
      ],
    },
    ...overrides,
  };
}

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('readW3cCollection', () => {
  describe('with the extension’s own W3C export', () => {
    it('gives back exactly the annotations, documents and themes that were exported', () => {
      const input = sampleInput();
      const { annotations, documents, themes } = readW3cCollection(exported(input));
      expect([...annotations].sort(byId)).toEqual([...input.annotations].sort(byId));
      expect([...documents].sort(byUrl)).toEqual([...input.documents].sort(byUrl));
      expect(themes).toEqual([...input.themes].sort((a, b) => a.order - b.order));
    });

    it('reads the stored quote, citation and report details from the extension properties', () => {
      const file = exported();
      const report = file.first.items.find((item: Mutable) => item.target.source === REPORT_URL);
      report.target['ofsted-annotator:quote'] = 'the quote as stored';
      const read = readW3cCollection(file).annotations.find((a) => a.id === report.id.slice(9))!;
      expect(read.quote).toBe('the quote as stored');
      expect(read.citation).toEqual(report.target['ofsted-annotator:citation']);
    });

    it('imports into an empty database and gives back the same annotations, documents and themes', async () => {
      const db = freshDb();
      try {
        await db.themes.clear();
        const input = sampleInput();
        const result = await importContents(db, readW3cCollection(exported(input)));
        expect(result).toMatchObject({ added: 5, updated: 0, unchanged: 0, themesAdded: 3 });
        expect((await db.annotations.toArray()).sort(byId)).toEqual([...input.annotations].sort(byId));
        expect((await db.documents.toArray()).sort(byUrl)).toEqual([...input.documents].sort(byUrl));
        expect((await listThemes(db)).map((t) => t.id)).toEqual(['oversight', 'workforce', 'front-door']);
      } finally {
        await db.delete();
      }
    });

    it('refuses extension properties of a later version', () => {
      const file = exported();
      file['ofsted-annotator:version'] = W3C_EXTENSION_VERSION + 1;
      expect(messageOf(() => readW3cCollection(file))).toMatch(
        new RegExp(
          `^ofsted-annotator:version: Cannot read version ${W3C_EXTENSION_VERSION + 1} of the Ofsted Annotator properties`,
        ),
      );
    });
  });

  describe('with W3C annotations from other tools', () => {
    it('makes themes from tags, a note from comments and a severity from its label', () => {
      const { annotations, themes, documents } = readW3cCollection(foreign());
      expect(annotations).toEqual([
        {
          id: stableUuid('https://annotations.example.org/anno/42'),
          url: NEWS_URL,
          quote: 'Caseloads are too high.',
          selectors: [
            { type: 'TextQuoteSelector', exact: 'Caseloads are too high.', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 10, end: 33 },
          ],
          themes: ['workforce', 'front-door-thresholds'],
          severity: 3,
          note: 'Caseloads are still high.',
          createdAt: T0.toISOString(),
          updatedAt: T1.toISOString(),
        },
      ]);
      expect(themes).toEqual([
        { id: 'workforce', label: 'Workforce', color: '#757575', order: 0, retired: false },
        {
          id: 'front-door-thresholds',
          label: 'Front door & thresholds',
          color: '#757575',
          order: 1,
          retired: false,
        },
      ]);
      expect(documents).toEqual([
        { url: NEWS_URL, title: NEWS_URL, createdAt: T0.toISOString(), updatedAt: T1.toISOString() },
      ]);
    });

    it('gives an id that is not a UUID URN the same UUID every time, and different ids different UUIDs', () => {
      const first = readW3cCollection(foreign()).annotations[0]!.id;
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(readW3cCollection(foreign()).annotations[0]!.id).toBe(first);
      expect(
        readW3cCollection(foreign({ id: 'https://annotations.example.org/anno/43' })).annotations[0]!.id,
      ).not.toBe(first);
    });

    it('takes the id after urn:uuid:', () => {
      const file = foreign({ id: 'urn:uuid:0b7c2f4e-1a3d-4e5f-9a8b-7c6d5e4f3a21' });
      expect(readW3cCollection(file).annotations[0]!.id).toBe('0b7c2f4e-1a3d-4e5f-9a8b-7c6d5e4f3a21');
    });

    it('takes a theme id from a tag’s urn:ofsted-annotator:theme: id, decoded', () => {
      const file = foreign({
        body: {
          type: 'TextualBody',
          purpose: 'tagging',
          value: 'Court work',
          id: 'urn:ofsted-annotator:theme:court%20work',
        },
      });
      const { annotations, themes } = readW3cCollection(file);
      expect(annotations[0]!.themes).toEqual(['court work']);
      expect(themes[0]).toMatchObject({ id: 'court work', label: 'Court work' });
    });

    it('reads unrated (-1) when there is no severity, and an empty note when there is no comment', () => {
      const [annotation] = readW3cCollection(foreign({ body: [] })).annotations;
      expect(annotation).toMatchObject({ severity: -1, note: '', themes: [] });
    });

    it('reads a severity level from the extension property before the label', () => {
      const body = {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'Strength',
        'ofsted-annotator:severity': 4,
      };
      expect(readW3cCollection(foreign({ body })).annotations[0]!.severity).toBe(4);
    });

    it('reads a bodyValue as the note, and a modified date for a missing created one', () => {
      const file = foreign({ body: undefined, bodyValue: 'Plain note', created: undefined });
      expect(readW3cCollection(file).annotations[0]).toMatchObject({
        note: 'Plain note',
        createdAt: T1.toISOString(),
        updatedAt: T1.toISOString(),
      });
    });

    it('reads a target given as a one-item list, with a single selector and a source object', () => {
      const file = foreign({
        target: [
          { source: { id: NEWS_URL }, selector: { type: 'TextQuoteSelector', exact: 'Hi', prefix: 'a' } },
        ],
      });
      expect(readW3cCollection(file).annotations[0]!.selectors).toEqual([
        { type: 'TextQuoteSelector', exact: 'Hi', prefix: 'a', suffix: '' },
      ]);
    });

    it('reads a list of annotations, and a collection with items or with pages', () => {
      const two = [foreign(), foreign({ id: 'urn:uuid:second' })];
      expect(readW3cCollection(two).annotations.map((a) => a.id)).toHaveLength(2);
      const withItems = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        items: two,
      };
      expect(readW3cCollection(withItems).annotations).toHaveLength(2);
      const paged = {
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [two[0]], next: { type: 'AnnotationPage', items: [two[1]] } },
      };
      expect(readW3cCollection(paged).annotations.map((a) => a.id)).toEqual(
        readW3cCollection(two).annotations.map((a) => a.id),
      );
    });

    it('dates a document from its earliest and latest annotations', () => {
      const later = foreign({ id: 'urn:uuid:later', created: T1.toISOString(), modified: T2.toISOString() });
      expect(readW3cCollection([later, foreign()]).documents).toEqual([
        { url: NEWS_URL, title: NEWS_URL, createdAt: T0.toISOString(), updatedAt: T2.toISOString() },
      ]);
    });
  });

  describe('with a broken file', () => {
    const collection = (items: Mutable[]) => ({ type: 'AnnotationCollection', items });

    it.each<[string, Mutable, string, string]>([
      [
        'only a CSS selector',
        { target: { source: NEWS_URL, selector: [{ type: 'CssSelector', value: '#main' }] } },
        'items[1]',
        'annotations with no text selector',
      ],
      ['a target with no selector', { target: NEWS_URL }, 'items[1]', 'annotations of a whole document'],
      [
        'a bad position',
        {
          target: {
            source: NEWS_URL,
            selector: [
              { type: 'TextQuoteSelector', exact: 'x' },
              { type: 'TextPositionSelector', start: -1, end: 2 },
            ],
          },
        },
        'items[1]',
        'annotations with an error (target.selector[1].start: ',
      ],
      [
        'a target with no source',
        { target: { selector: [] } },
        'items[1]',
        'annotations with no target document',
      ],
      [
        'a severity level of 9',
        { body: { purpose: 'assessing', value: 'x', 'ofsted-annotator:severity': 9 } },
        'items[1]',
        'annotations with an error (body.ofsted-annotator:severity: ',
      ],
      [
        'a comment that is not text',
        { body: [{ purpose: 'commenting', value: 3 }] },
        'items[1]',
        'annotations with an error (body[0].value: ',
      ],
      ['another type', { type: 'Note' }, 'items[1]', 'items that are not annotations'],
      [
        'a citation on page 0',
        {
          target: {
            source: NEWS_URL,
            selector: { type: 'TextQuoteSelector', exact: 'x' },
            'ofsted-annotator:citation': { page: 0 },
          },
        },
        'items[1]',
        'annotations with an error (target.ofsted-annotator:citation.page: ',
      ],
      [
        'a document with no title',
        {
          target: {
            source: NEWS_URL,
            selector: { type: 'TextQuoteSelector', exact: 'x' },
            'ofsted-annotator:document': {},
          },
        },
        'items[1]',
        'annotations with an error (target.ofsted-annotator:document.title: ',
      ],
    ])(
      'skips an annotation with %s, naming its place and reason, and reads the rest',
      (_name, changes, place, reason) => {
        const file = collection([foreign(), foreign({ id: 'urn:uuid:second', ...changes })]);
        const { annotations, skipped } = readW3cCollection(file);
        expect(annotations.map((a) => a.id)).toEqual([stableUuid(foreign().id)]);
        expect(skipped).toHaveLength(1);
        expect(skipped![0]!.place).toBe(place);
        expect(skipped![0]!.reason.startsWith(reason)).toBe(true);
      },
    );

    it('names the place in a paged collection and in a list, and refuses a file of which nothing can be read', () => {
      const bad = foreign({ target: { source: NEWS_URL } });
      expect(
        readW3cCollection({ type: 'AnnotationCollection', first: { items: [foreign(), bad] } }).skipped,
      ).toEqual([
        {
          place: 'first.items[1]',
          reason: 'annotations of a whole document (no passage of its text is selected)',
        },
      ]);
      expect(messageOf(() => readW3cCollection([bad]))).toBe(
        '[0].target: The target selects no passage: it is a whole document',
      );
      expect(messageOf(() => readW3cCollection(bad))).toBe(
        'target: The target selects no passage: it is a whole document',
      );
    });

    it('refuses a collection whose pages are in other files, or that has no items', () => {
      expect(
        messageOf(() =>
          readW3cCollection({ type: 'AnnotationCollection', first: 'https://example.org/page1' }),
        ),
      ).toBe('first: The collection continues in another file: only a whole collection can be imported');
      expect(messageOf(() => readW3cCollection({ type: 'AnnotationCollection' }))).toBe(
        'The collection has no items',
      );
    });

    it('refuses a theme the collection lists twice', () => {
      const file = exported();
      file['ofsted-annotator:themes'].push({ ...file['ofsted-annotator:themes'][0] });
      expect(messageOf(() => readW3cCollection(file))).toMatch(
        /^ofsted-annotator:themes\[3\]\.id: The theme "oversight" is listed twice/,
      );
    });
  });
});
