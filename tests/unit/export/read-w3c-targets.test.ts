// Targets and selectors of W3C annotations from other tools: which passages come across,
// and why the others are skipped.

import { readW3cCollection, stableUuid } from '../../../lib/export/read-w3c';
import { buildW3cCollection } from '../../../lib/export/w3c';
import { NEWS_URL, T0, T1 } from '../db/helpers';
import { annotation } from './briefing-samples';
import { messageOf, REPORT_PAGE, REPORT_PDF } from './w3c-fixtures';

type Json = Record<string, any>;

const QUOTE = { type: 'TextQuoteSelector', exact: 'Children’s experiences in Devon remain poor.' };
const STORED_QUOTE = { ...QUOTE, type: 'TextQuoteSelector' as const, prefix: '', suffix: '' };

/** An annotation of another tool with `target`, and a second one that always comes across. */
function fileWith(target: unknown, extra: Json = {}): Json[] {
  return [
    { id: 'https://tool.example/a/1', type: 'Annotation', created: T0.toISOString(), target, ...extra },
    {
      id: 'https://tool.example/a/2',
      type: 'Annotation',
      created: T0.toISOString(),
      target: { source: REPORT_PAGE, selector: QUOTE },
    },
  ];
}

describe('readW3cCollection', () => {
  describe('with targets from other tools', () => {
    it('imports a TextPositionSelector alone as waiting for its quote', () => {
      const { annotations } = readW3cCollection(
        fileWith({ source: REPORT_PAGE, selector: { type: 'TextPositionSelector', start: 483, end: 527 } }),
      );
      expect(annotations[0]).toMatchObject({
        quote: '',
        selectors: [{ type: 'TextPositionSelector', start: 483, end: 527 }],
      });
    });

    it('stores positions as they are: W3C positions count code points, as stored ones do', () => {
      const selector = [
        { ...QUOTE, prefix: '😀 ' },
        { type: 'TextPositionSelector', start: 2, end: 46 },
      ];
      expect(
        readW3cCollection(fileWith({ source: REPORT_PAGE, selector })).annotations[0]!.selectors[1],
      ).toEqual({
        type: 'TextPositionSelector',
        start: 2,
        end: 46,
      });
    });

    it('converts the positions of the extension’s own version-1 export, which counted UTF-16 units', () => {
      const file = JSON.parse(
        JSON.stringify(buildW3cCollection({ annotations: [], documents: [], themes: [] })),
      );
      file['ofsted-annotator:version'] = 1;
      file.first.items = fileWith({
        source: REPORT_PAGE,
        selector: [
          { ...QUOTE, prefix: '😀 ' },
          { type: 'TextPositionSelector', start: 3, end: 47 },
        ],
      });
      expect(readW3cCollection(file).annotations[0]!.selectors[1]).toEqual({
        type: 'TextPositionSelector',
        start: 2,
        end: 46,
      });
    });

    it('takes the text selectors a Choice offers', () => {
      const selector = {
        type: 'oa:Choice',
        items: [
          { type: 'CssSelector', value: 'p' },
          QUOTE,
          { type: 'TextPositionSelector', start: 483, end: 527 },
        ],
      };
      expect(
        readW3cCollection(fileWith({ source: REPORT_PAGE, selector })).annotations[0]!.selectors,
      ).toEqual([STORED_QUOTE, { type: 'TextPositionSelector', start: 483, end: 527 }]);
    });

    it('keeps the text selector a CssSelector or XPathSelector is refined by', () => {
      for (const type of ['CssSelector', 'XPathSelector']) {
        const selector = { type, value: 'body > p', refinedBy: QUOTE };
        expect(
          readW3cCollection(fileWith({ source: REPORT_PAGE, selector })).annotations[0]!.selectors,
        ).toEqual([STORED_QUOTE]);
      }
    });

    it('puts the page of a FragmentSelector page=N into the citation', () => {
      const selector = {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
        value: 'page=7',
        refinedBy: QUOTE,
      };
      expect(readW3cCollection(fileWith({ source: REPORT_PDF, selector })).annotations[0]!.citation).toEqual({
        page: 7,
      });
    });

    it('leaves out a position inside a refinement when there is a quote, as it counts within the part', () => {
      const selector = {
        type: 'XPathSelector',
        value: '/html/body/p[1]',
        refinedBy: [QUOTE, { type: 'TextPositionSelector', start: 0, end: 44 }],
      };
      expect(
        readW3cCollection(fileWith({ source: REPORT_PAGE, selector })).annotations[0]!.selectors,
      ).toEqual([STORED_QUOTE]);
    });

    it('makes one annotation per usable target: the first keeps the id, the others get ids derived from it', () => {
      const target = [
        { source: REPORT_PAGE, selector: QUOTE },
        'https://tool.example/whole-page',
        { source: NEWS_URL, selector: QUOTE },
      ];
      const { annotations, skipped, notes } = readW3cCollection(fileWith(target));
      expect(annotations.map((a) => [a.id, a.url])).toEqual([
        [stableUuid('https://tool.example/a/1'), REPORT_PAGE],
        [stableUuid('https://tool.example/a/1#target[2]'), NEWS_URL],
        [stableUuid('https://tool.example/a/2'), REPORT_PAGE],
      ]);
      expect(skipped).toEqual([
        {
          place: '[0].target[1]',
          reason: 'annotations of a whole document (no passage of its text is selected)',
        },
      ]);
      expect(notes).toContain(
        '1 annotation had several passages: each passage became an annotation of its own, with the same note, themes and severity',
      );
    });

    it('reads the items of a Composite target as several targets', () => {
      const target = {
        type: 'Composite',
        items: [
          { source: REPORT_PAGE, selector: QUOTE },
          { source: NEWS_URL, selector: QUOTE },
        ],
      };
      expect(readW3cCollection(fileWith(target)).annotations.map((a) => a.url)).toEqual([
        REPORT_PAGE,
        NEWS_URL,
        REPORT_PAGE,
      ]);
    });

    it('imports a local PDF’s urn:pdf: address, as the extension’s own export writes it', () => {
      const source = 'urn:pdf:5c4b6e0f9a3d2c1b8e7f6a5d4c3b2a19';
      expect(readW3cCollection(fileWith({ source, selector: QUOTE })).annotations[0]!.url).toBe(source);
    });

    it.each<[string, unknown, string]>([
      [
        'a target that is not text',
        { source: { id: 'https://tool.example/photo.jpg', type: 'Image' }, selector: QUOTE },
        'annotations of an image, video or sound (only text can be annotated)',
      ],
      [
        'a target formatted as a video',
        { id: 'https://tool.example/clip', format: 'video/mp4' },
        'annotations of an image, video or sound (only text can be annotated)',
      ],
      [
        'a source address that is not http or https',
        { source: 'file:///home/me/report.html', selector: QUOTE },
        'annotations of a document with no web address (only http and https pages can be annotated)',
      ],
      [
        'no target text selector at all',
        { source: REPORT_PAGE, selector: { type: 'SvgSelector', value: '<svg/>' } },
        'annotations with no text selector (only a quote or a position in the text can be found on a page)',
      ],
      [
        'a selector given only by address',
        { source: REPORT_PAGE, selector: 'https://tool.example/selectors/1' },
        'annotations with no text selector (only a quote or a position in the text can be found on a page)',
      ],
      ['no target', undefined, 'annotations with no target document'],
    ])('skips an annotation with %s, and reads the rest', (_name, target, reason) => {
      const { annotations, skipped } = readW3cCollection(fileWith(target));
      expect(annotations.map((a) => a.id)).toEqual([stableUuid('https://tool.example/a/2')]);
      expect(skipped).toEqual([{ place: '[0]', reason }]);
    });

    it('reads back the extension’s own export exactly, whatever else it now accepts', () => {
      const own = annotation({
        url: REPORT_PDF,
        selectors: [STORED_QUOTE, { type: 'TextPositionSelector', start: 10, end: 54 }],
        quote: QUOTE.exact,
        citation: { page: 2, paragraph: 4 },
        createdAt: T0.toISOString(),
        updatedAt: T1.toISOString(),
      });
      const file = JSON.parse(
        JSON.stringify(buildW3cCollection({ annotations: [own], documents: [], themes: [] })),
      );
      const read = readW3cCollection(file);
      expect(read.annotations).toEqual([own]);
      expect(read.skipped).toEqual([]);
      expect(read.notes).toEqual([]);
    });

    it('refuses a file whose every annotation is skipped, naming the one problem', () => {
      expect(messageOf(() => readW3cCollection({ id: 'x', target: REPORT_PAGE }))).toBe(
        'target: The target selects no passage: it is a whole document',
      );
    });
  });
});
