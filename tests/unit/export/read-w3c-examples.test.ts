// Every example of the W3C Web Annotation Recommendation that targets text, as fixtures on
// real pages (tests/fixtures/w3c/README.md): each imports, or is skipped with its reason.

import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { readW3cCollection, stableUuid } from '../../../lib/export/read-w3c';
import { UNRATED } from '../../../lib/taxonomy/severity';
import { showPage } from '../anchoring/helpers';
import { messageOf, REPORT_PAGE, REPORT_PDF, w3cFixture } from './w3c-fixtures';

const IMPORT_TIME = new Date('2026-04-01T12:00:00.000Z');
const read = (name: string) => readW3cCollection(w3cFixture(name), { now: IMPORT_TIME });

describe('readW3cCollection', () => {
  describe('with the Recommendation’s examples that target text', () => {
    it('imports example 23, a TextQuoteSelector, with its IRI body as a link in the note', () => {
      const { annotations, documents, skipped, notes } = read('example-23-text-quote.json');
      expect(annotations).toEqual([
        {
          id: stableUuid('http://example.org/anno23'),
          url: REPORT_PAGE,
          quote: 'Children’s experiences in Devon remain poor.',
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'Children’s experiences in Devon remain poor.',
              prefix: 'verall effectiveness Inadequate ',
              suffix: ' For too many children, serious ',
            },
          ],
          themes: [],
          severity: UNRATED,
          note: 'Link: https://www.gov.uk/government/organisations/ofsted',
          createdAt: IMPORT_TIME.toISOString(),
          updatedAt: IMPORT_TIME.toISOString(),
        },
      ]);
      expect(documents).toEqual([
        {
          url: REPORT_PAGE,
          title: REPORT_PAGE,
          createdAt: IMPORT_TIME.toISOString(),
          updatedAt: IMPORT_TIME.toISOString(),
        },
      ]);
      expect(skipped).toEqual([]);
      expect(notes).toEqual(['1 annotation had no readable date: the time of import was used']);
    });

    it('imports example 24, a TextPositionSelector alone, as waiting for its quote', () => {
      const [annotation] = read('example-24-text-position.json').annotations;
      expect(annotation).toMatchObject({
        url: REPORT_PAGE,
        quote: '',
        selectors: [{ type: 'TextPositionSelector', start: 5010, end: 5068 }],
      });
    });

    it('gives example 24 positions that name its sentence on the real page (in code points)', () => {
      const [annotation] = read('example-24-text-position.json').annotations;
      const position = annotation!.selectors[0]!;
      if (position.type !== 'TextPositionSelector') throw new Error('expected a position');
      const points = [...buildTextIndex(showPage('report-devon-2025.html').body).text];
      expect(points.slice(position.start, position.end).join('')).toBe(
        'Parental consent is routinely considered at the front door',
      );
    });

    it('imports example 29, a FragmentSelector refined by a TextQuoteSelector, keeping the quote and a PDF’s page', () => {
      const { annotations } = read('example-29-refinement.json');
      expect(
        annotations.map(({ url, quote, selectors, citation }) => ({ url, quote, selectors, citation })),
      ).toEqual([
        {
          url: REPORT_PAGE,
          quote: 'The application of thresholds for targeted early help support is appropriate',
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'The application of thresholds for targeted early help support is appropriate',
              prefix: 'roved the speed of response. 3. ',
              suffix: ', meaning that these children an',
            },
          ],
          citation: undefined,
        },
        {
          url: REPORT_PDF,
          quote: 'Parental consent is routinely considered at the front door',
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'Parental consent is routinely considered at the front door',
              prefix: 'o undertake screening activity. ',
              suffix: ' and only dispensed with if appr',
            },
          ],
          citation: { page: 3 },
        },
      ]);
    });

    it('refuses example 41, whose only text selector is a position inside an XPointer fragment, saying why', () => {
      expect(messageOf(() => read('example-41-complete.json'))).toBe(
        'target: The only text selector is a position inside a part of the document (refinedBy): without a quote it cannot be found',
      );
    });

    it('reads example 41’s bodies when its refinement also gives the quote: tag, Choice of text and audio link', () => {
      const file = w3cFixture('example-41-complete.json');
      file.target.selector.refinedBy = [
        file.target.selector.refinedBy,
        { type: 'TextQuoteSelector', exact: 'Children’s experiences in Devon remain poor.' },
      ];
      const { annotations, themes, notes } = readW3cCollection(file, { now: IMPORT_TIME });
      expect(annotations).toEqual([
        expect.objectContaining({
          quote: 'Children’s experiences in Devon remain poor.',
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'Children’s experiences in Devon remain poor.',
              prefix: '',
              suffix: '',
            },
          ],
          themes: ['neglect'],
          severity: UNRATED,
          note:
            'The headline finding: neglect, domestic abuse and exploitation still leave children at risk.\n\n' +
            'Link: https://example.org/briefings/devon-2025.mp3',
          createdAt: '2015-10-13T13:00:00Z',
          updatedAt: '2015-10-13T13:00:00Z',
        }),
      ]);
      expect(themes.map((t) => t.label)).toEqual(['Neglect']);
      expect(notes).toEqual([]);
    });

    it('refuses examples 21, 22 and 28 (CSS, XPath and Range selectors only), counting them by reason', () => {
      expect(messageOf(() => read('examples-21-22-28-no-text-selector.json'))).toBe(
        'Nothing in this file can be imported: 3 annotations with no text selector (only a quote or a position in the text can be found on a page) (the first at [0])',
      );
    });

    it('imports example 40’s collection through its embedded pages, skipping what cannot come across', () => {
      const { annotations, skipped, notes, themes } = read('example-40-collection.json');
      expect(annotations.map((a) => [a.url, a.quote, a.severity, a.citation?.page])).toEqual([
        [
          REPORT_PAGE,
          'The application of thresholds for targeted early help support is appropriate',
          1,
          undefined,
        ],
        [REPORT_PAGE, 'Parental consent is routinely considered at the front door', UNRATED, undefined],
        [REPORT_PDF, 'Parental consent is routinely considered at the front door', UNRATED, 3],
        [REPORT_PAGE, 'Children’s experiences in Devon remain poor.', UNRATED, undefined],
      ]);
      expect(annotations.map((a) => a.id)).toEqual([
        stableUuid('http://example.org/anno1'),
        stableUuid('http://example.org/anno2'),
        stableUuid('http://example.org/anno2#target[1]'),
        stableUuid('http://example.org/anno4'),
      ]);
      expect(themes.map((t) => [t.id, t.label])).toEqual([
        ['early-help-and-family-help', 'Early help and family help'],
        ['front-door-and-thresholds', 'Front door and thresholds'],
      ]);
      expect(annotations[1]!.note).toBe(
        'Assessment: Good enough\nLink: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
      );
      expect(skipped).toEqual([
        {
          place: 'first.items[1].target[2]',
          reason: 'annotations of an image, video or sound (only text can be annotated)',
        },
        {
          place: 'first.next.items[0]',
          reason: 'annotations of a whole document (no passage of its text is selected)',
        },
        { place: 'first.next.items[1].body', reason: 'bodies that are neither text nor a web address' },
      ]);
      expect(notes).toEqual([
        '1 annotation had no readable creation date: the modification date was used',
        '1 annotation had several passages: each passage became an annotation of its own, with the same note, themes and severity',
        '1 annotation had a severity this extension does not know (“Good enough”): unrated, its words kept in the note',
        '1 annotation had no readable date: the date the file gives (2025-06-02T09:15:00Z) was used',
      ]);
    });
  });
});
