import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildW3cCollection, type W3cAnnotation } from '../../../lib/export/w3c';
import type { Annotation, Selector } from '../../../lib/model';
import { UNRATED } from '../../../lib/taxonomy/severity';
import { T2 } from '../db/helpers';
import { annotation, frontDoor, NEWS_URL, REPORT_URL, sampleInput } from './briefing-samples';
import { emojiAnnotation, unratedAnnotation, waitingAnnotation } from './standard-samples';
import { newsAnnotation, oversight, reportAnnotation, reportRecord, workforce } from './samples';

/**
 * The required parts of the Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * for what this export writes: an AnnotationCollection whose first AnnotationPage holds
 * Annotations with TextualBody bodies and a SpecificResource target with selectors.
 */
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['@context', 'id', 'type', 'label', 'total', 'first'],
  properties: {
    '@context': { const: 'http://www.w3.org/ns/anno.jsonld' },
    id: { $ref: '#/$defs/iri' },
    type: { const: 'AnnotationCollection' },
    label: { type: 'string', minLength: 1 },
    total: { type: 'integer', minimum: 0 },
    first: {
      type: 'object',
      required: ['id', 'type', 'items'],
      properties: {
        id: { $ref: '#/$defs/iri' },
        type: { const: 'AnnotationPage' },
        items: { type: 'array', items: { $ref: '#/$defs/annotation' } },
      },
    },
  },
  $defs: {
    iri: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9+.-]*:' },
    annotation: {
      type: 'object',
      required: ['@context', 'id', 'type', 'target', 'created', 'modified'],
      properties: {
        '@context': { const: 'http://www.w3.org/ns/anno.jsonld' },
        id: { $ref: '#/$defs/iri' },
        type: { const: 'Annotation' },
        created: { type: 'string', format: 'date-time' },
        modified: { type: 'string', format: 'date-time' },
        body: { type: 'array', minItems: 1, items: { $ref: '#/$defs/textualBody' } },
        target: { $ref: '#/$defs/specificResource' },
      },
    },
    textualBody: {
      type: 'object',
      required: ['type', 'value', 'purpose'],
      properties: {
        type: { const: 'TextualBody' },
        value: { type: 'string' },
        id: { $ref: '#/$defs/iri' },
        format: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$' },
        purpose: {
          enum: [
            'assessing',
            'bookmarking',
            'classifying',
            'commenting',
            'describing',
            'editing',
            'highlighting',
            'identifying',
            'linking',
            'moderating',
            'questioning',
            'replying',
            'tagging',
          ],
        },
      },
    },
    specificResource: {
      type: 'object',
      required: ['source', 'selector'],
      properties: {
        type: { const: 'SpecificResource' },
        source: { $ref: '#/$defs/iri' },
        selector: { type: 'array', minItems: 1, items: { $ref: '#/$defs/selector' } },
      },
    },
    selector: {
      oneOf: [
        {
          type: 'object',
          required: ['type', 'exact'],
          properties: {
            type: { const: 'TextQuoteSelector' },
            exact: { type: 'string' },
            prefix: { type: 'string' },
            suffix: { type: 'string' },
          },
        },
        {
          type: 'object',
          required: ['type', 'start', 'end'],
          properties: {
            type: { const: 'TextPositionSelector' },
            start: { type: 'integer', minimum: 0 },
            end: { type: 'integer', minimum: 0 },
          },
        },
        {
          type: 'object',
          required: ['type', 'value'],
          properties: {
            type: { const: 'FragmentSelector' },
            value: { type: 'string' },
            conformsTo: { $ref: '#/$defs/iri' },
          },
        },
      ],
    },
  },
};

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(data: unknown): void {
  validate(data);
  expect(validate.errors ?? []).toEqual([]);
}

function items(input = sampleInput()): W3cAnnotation[] {
  return buildW3cCollection(input, { now: T2 }).first.items;
}

function itemFor(a: Annotation): W3cAnnotation {
  return items({ ...sampleInput(), annotations: [a] })[0]!;
}

describe('buildW3cCollection', () => {
  it('writes an AnnotationCollection valid against the Web Annotation model', () => {
    const collection = buildW3cCollection(sampleInput(), { now: T2 });
    expectValid(collection);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Ofsted Annotator annotations',
      total: 5,
      generated: '2026-03-17T08:00:00.000Z',
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items).toHaveLength(5);
  });

  it('the schema rejects what the model forbids, so the check above can fail', () => {
    const collection = JSON.parse(JSON.stringify(buildW3cCollection(sampleInput(), { now: T2 })));
    const broken = [
      (c: any) => delete c['@context'],
      (c: any) => (c.type = 'Collection'),
      (c: any) => delete c.first.items[0]['@context'],
      (c: any) => delete c.id,
      (c: any) => delete c.first.id,
      (c: any) => (c.first.items[0].body[0].purpose = 'theme'),
      (c: any) => delete c.first.items[0].target.source,
      (c: any) => (c.first.items[0].target.selector[0] = { type: 'TextQuoteSelector' }),
      (c: any) => (c.first.items[0].created = '15/03/2026'),
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(collection);
      breakIt(copy);
      expect(validate(copy)).toBe(false);
    }
  });

  it('takes its label from the options', () => {
    expect(buildW3cCollection(sampleInput(), { label: 'Devon 2025' }).label).toBe('Devon 2025');
  });

  it('writes each annotation with the context, a urn:uuid id and its dates, whole on its own', () => {
    const item = itemFor(newsAnnotation);
    expect(item).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:9a1d2b3c-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      type: 'Annotation',
      created: newsAnnotation.createdAt,
      modified: newsAnnotation.updatedAt,
    });
  });

  it('writes themes as tagging bodies, the severity as an assessing body and the note as a commenting body', () => {
    expect(itemFor(newsAnnotation).body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'tagging',
        value: 'Workforce stability and caseloads',
        'ofsted-annotator:theme': 'workforce',
      },
      { type: 'TextualBody', purpose: 'assessing', value: 'Serious concern', 'ofsted-annotator:severity': 4 },
      { type: 'TextualBody', purpose: 'commenting', value: 'Front page', format: 'text/plain' },
    ]);
  });

  it('writes a tag per theme in the annotation’s order, and no commenting body without a note', () => {
    const purposes = itemFor(reportAnnotation).body!.map((b) => [
      b.purpose,
      b['ofsted-annotator:theme'] ?? b.value,
    ]);
    expect(purposes).toEqual([
      ['tagging', 'workforce'],
      ['tagging', 'oversight'],
      ['assessing', 'Needs improvement'],
    ]);
  });

  it('writes the stored selectors as stored, on the document’s address', () => {
    const target = itemFor(newsAnnotation).target;
    expect(target.type).toBe('SpecificResource');
    expect(target.source).toBe(NEWS_URL);
    expect(target.selector).toEqual(newsAnnotation.selectors);
  });

  it('adds a FragmentSelector with the page for a PDF', () => {
    const target = itemFor(reportAnnotation).target;
    expect(target.source).toBe(REPORT_URL);
    expect(target.selector).toEqual([
      ...reportAnnotation.selectors,
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=4' },
    ]);
  });

  it('adds no FragmentSelector where no page is known', () => {
    const selectors = itemFor(annotation({ url: REPORT_URL })).target.selector;
    expect(selectors.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('carries the themes, citation, quote and document record as ofsted-annotator extension properties', () => {
    const collection = buildW3cCollection(sampleInput(), { now: T2 });
    expect(collection['ofsted-annotator:version']).toBe(2);
    expect(collection['ofsted-annotator:themes']).toEqual([oversight, workforce, frontDoor]);
    const { target } = itemFor(reportAnnotation);
    expect(target['ofsted-annotator:quote']).toBe('the selected text');
    expect(target['ofsted-annotator:citation']).toEqual(reportAnnotation.citation);
    const { url: _url, ...record } = reportRecord;
    expect(target['ofsted-annotator:document']).toEqual(record);
    expect(itemFor(annotation({ url: 'https://unknown.example/' })).target).not.toHaveProperty(
      'ofsted-annotator:document',
    );
  });

  it('carries enough to rebuild every annotation exactly', () => {
    const input = sampleInput();
    input.annotations.push(annotation({ themes: ['user theme/1'], note: 'Line 1\nLine 2' }));
    input.annotations.push(emojiAnnotation, unratedAnnotation, waitingAnnotation);
    const rebuilt = items(input).map(rebuild);
    const byId = (a: Annotation, b: Annotation) => (a.id < b.id ? -1 : 1);
    expect(rebuilt.sort(byId)).toEqual([...input.annotations].sort(byId));
  });
});

/** What an importer does with an item, per the comment at the top of lib/export/w3c.ts. */
function rebuild(item: W3cAnnotation): Annotation {
  const { target, body = [] } = item;
  const note = body.find((b) => b.purpose === 'commenting')?.value;
  const citation = target['ofsted-annotator:citation'];
  return {
    id: item.id.replace(/^urn:uuid:/, ''),
    url: target.source,
    quote: target['ofsted-annotator:quote'],
    selectors: target.selector.filter((s): s is Selector => s.type !== 'FragmentSelector'),
    themes: body.filter((b) => b.purpose === 'tagging').map((b) => b['ofsted-annotator:theme']!),
    severity: body.find((b) => b.purpose === 'assessing')?.['ofsted-annotator:severity'] ?? UNRATED,
    note: note ?? '',
    ...(citation && { citation }),
    createdAt: item.created,
    updatedAt: item.modified,
  };
}
