import { buildW3cCollection } from '../../../lib/export/w3c';
import { T2 } from '../db/helpers';
import { sampleInput } from './briefing-samples';
import { standardSource } from './standard-samples';
import { w3cAnnotationViolations, w3cCollectionViolations } from './w3c-musts';

type Json = Record<string, any>;

/** Our export of the news page, the report and the standard samples, as parsed JSON. */
function exported(): Json {
  const base = sampleInput();
  const extra = standardSource();
  const input = {
    annotations: [...base.annotations, ...extra.annotations.slice(1)],
    themes: [...base.themes, ...extra.themes.filter((t) => !base.themes.some((b) => b.id === t.id))],
    documents: base.documents,
  };
  return JSON.parse(JSON.stringify(buildW3cCollection(input, { now: T2 })));
}

describe('the W3C test suite’s MUSTs', () => {
  it('hold for our collection, its page and each annotation', () => {
    const collection = exported();
    expect(collection.first.items.length).toBeGreaterThanOrEqual(8);
    expect(w3cCollectionViolations(collection)).toEqual([]);
  });

  it('hold for each annotation taken out on its own, as a server receives it', () => {
    for (const item of exported().first.items) expect(w3cAnnotationViolations(item)).toEqual([]);
  });

  it('hold for an empty export', () => {
    const empty = buildW3cCollection({ annotations: [], themes: [], documents: [] }, { now: T2 });
    expect(w3cCollectionViolations(JSON.parse(JSON.stringify(empty)))).toEqual([]);
  });

  // Each break names the assertion that must catch it, so the checks above can fail.
  const item = (c: Json, i = 0) => c.first.items[i];
  const emoji = (c: Json) =>
    c.first.items.find((a: Json) => a.target['ofsted-annotator:quote'].includes('👍'));
  const BREAKS: Array<[string, (c: Json) => unknown, string]> = [
    [
      'collection without @context',
      (c) => delete c['@context'],
      'collections/5.1-collectionContextValidated',
    ],
    ['collection without id', (c) => delete c.id, 'collections/5.1-collectionIdValidated'],
    ['collection id not a URI', (c) => (c.id = 'my export'), 'collections/5.1-collectionIdValidated'],
    ['collection of another type', (c) => (c.type = 'Collection'), 'collections/5.1-collectionTypeValidated'],
    ['collection label a number', (c) => (c.label = 3), 'collections/5.1-collectionLabelValidated'],
    ['negative total', (c) => (c.total = -1), 'collections/5.1-collectionTotalValidated'],
    ['total without first', (c) => delete c.first, 'collections/5.1-collectionFirstValidated'],
    ['last not a URI', (c) => (c.last = { id: 'x' }), 'collections/5.1-collectionLastValidated'],
    [
      'collection created not a date-time',
      (c) => (c.created = '17/03/2026'),
      'collections/3.3.1-collectionCreatedValidated',
    ],
    ['page without id', (c) => delete c.first.id, 'collections/pages/5.2-pageIdValidated'],
    ['page of another type', (c) => (c.first.type = 'Page'), 'collections/pages/5.2-pageTypeValidated'],
    [
      'page item not an annotation',
      (c) => (c.first.items[0] = { type: 'Note' }),
      'collections/pages/5.2-pageItemsValidated',
    ],
    [
      'fractional startIndex',
      (c) => (c.first.startIndex = 0.5),
      'collections/pages/5.2-pageStartIndexValidated',
    ],
    [
      'partOf without an id',
      (c) => (c.first.partOf = { label: 'x' }),
      'collections/pages/5.2-pagePartOfValidated',
    ],
    ['partOf as a bare string', (c) => (c.first.partOf = c.id), 'collections/pages/5.2-pageTotalValidated'],
    ['next not a URI', (c) => (c.first.next = 'page 2'), 'collections/pages/5.2-pageNextValidated'],
    [
      'annotation without @context',
      (c) => delete item(c)['@context'],
      'annotations/3.1-annotationContextValidated',
    ],
    ['annotation id not a URI', (c) => (item(c).id = '5f0c6a4e'), 'annotations/3.1-annotationIdValidated'],
    ['annotation of another type', (c) => (item(c).type = 'Note'), 'annotations/3.1-annotationTypeValidated'],
    ['annotation without target', (c) => delete item(c).target, 'annotations/3.1-targetKeyFound'],
    [
      'target with neither source nor id',
      (c) => delete item(c).target.source,
      'annotations/3.2-targetObjectsRecognized',
    ],
    ['body and bodyValue', (c) => (item(c).bodyValue = 'x'), 'annotations/3.2.5-notBodyBodyValue'],
    ['body a number', (c) => (item(c).body[0] = 7), 'annotations/3.2-bodyObjectsRecognized'],
    [
      'modified not a date-time',
      (c) => (item(c).modified = 'later'),
      'annotations/3.3.1-annotationModifiedValidated',
    ],
    [
      'two canonical ids',
      (c) => (item(c).canonical = ['urn:a', 'urn:b']),
      'annotations/3.3.7-annotationCanonicalValidated',
    ],
    [
      'a tagging body with an id (an External Web Resource, to the suite)',
      (c) => (item(c).body[0].id = 'urn:ofsted-annotator:theme:workforce'),
      'annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose',
    ],
    [
      'a textual body with a source',
      (c) => (item(c).body[0].source = 'urn:x'),
      'annotations/bodiesTargets/4-bodyEmbeddedTextualNoSource',
    ],
    [
      'a target with a value',
      (c) => (item(c).target.value = 'x'),
      'annotations/bodiesTargets/4-targSpecificResourceNoValue',
    ],
    [
      'a bad textDirection',
      (c) => (item(c).body[0].textDirection = 'down'),
      'annotations/bodiesTargets/3.2.1-bodyTextDirectionValidated',
    ],
    [
      'an unknown selector',
      (c) => (item(c).target.selector[0].type = 'QuoteSelector'),
      'annotations/specificResource/4.2-selectorValidIfPresent',
    ],
    [
      'a TextQuoteSelector without exact',
      (c) => delete emoji(c).target.selector[0].exact,
      'annotations/specificResource/4.2.4-textQuoteSelectorValid',
    ],
    [
      'a negative position',
      (c) => (emoji(c).target.selector[1].start = -1),
      'annotations/specificResource/4.2-TextDataPositionSelectorValid',
    ],
    [
      'a FragmentSelector without value',
      (c) => delete item(c).target.selector.at(-1).value,
      'annotations/specificResource/4.2-fragmentCssXPathSelectorValid',
    ],
    [
      'a styleClass without stylesheet',
      (c) => (item(c).target.styleClass = 'red'),
      'annotations/specificResource/4.4-styleClassValidIfPresent',
    ],
    [
      'an unknown refinement',
      (c) => (item(c).target.selector[0].refinedBy = { type: 'Nope' }),
      'annotations/specificResource/4.3.3-refinedByValidated',
    ],
  ];

  it.each(BREAKS)('catch %s', (_name, breakIt, assertion) => {
    const collection = exported();
    breakIt(collection);
    expect(w3cCollectionViolations(collection).map((v) => v.assertion)).toContain(assertion);
  });
});
