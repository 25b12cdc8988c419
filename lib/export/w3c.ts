// The W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), JSON-LD with the
// standard context, for tools that read Web Annotations (Hypothesis-style clients, annotation
// servers, research pipelines). Every MUST of the W3C Web Annotation test suite
// (github.com/w3c/web-annotation-tests: collectionMusts, pageMusts, annotationMusts) holds for
// the collection, its page and each annotation; tests/unit/export/w3c-musts.ts checks them.
//
// One AnnotationCollection with one embedded AnnotationPage holding every annotation:
//
//   collection  id "urn:uuid:<uuid>", made from the export's time, label and annotations (each
//               id and updatedAt): the same export gets the same id. label, total, generated,
//               first (the page), last (the page's id).
//   page        id "urn:uuid:<uuid>" made the same way, partOf { id: <the collection's id> }
//               (an object: the suite checks partOf as the collection's description), startIndex
//               0, items.
//
// Each annotation:
//
//   @context  the standard context again, so each item is a whole annotation on its own (the
//             suite checks @context on an annotation; a server accepts items one by one)
//   id        "urn:uuid:<annotation id>"
//   created   / modified: the annotation's createdAt / updatedAt
//   body      in this order (left out when there is none, with motivation "highlighting"):
//             - per theme, in the annotation's order: { type: "TextualBody", purpose: "tagging",
//               value: <theme label>, "ofsted-annotator:theme": <theme id> }. The theme id is
//               not the body's `id`: the suite takes a body with an id and no source for an
//               External Web Resource, which must not have a purpose.
//             - the severity, unless unrated: { type: "TextualBody", purpose: "assessing",
//               value: <severity label>, "ofsted-annotator:severity": <0…4> }. An unrated
//               annotation has no assessing body: nobody assessed it.
//             - the note, when not empty: { type: "TextualBody", purpose: "commenting",
//               value: <note>, format: "text/plain" }
//   target    { type: "SpecificResource", source: <document address>, selector: [...] }
//             selector: the stored selectors, exactly as stored (TextQuoteSelector,
//             TextPositionSelector), then, for a PDF with a known page, a FragmentSelector
//             (RFC 3778, "page=N") derived from the citation. A TextPositionSelector's start
//             and end count Unicode code points, as the model defines (§4.2.4–4.2.5) and as
//             the database stores them since its version 3; an annotation waiting for its
//             quote has only a TextPositionSelector.
//
// Extension properties (keys are absolute IRIs in the "ofsted-annotator:" scheme, so a
// JSON-LD processor keeps them; their values are plain JSON):
//
//   collection "ofsted-annotator:version"   2: the version of these extension properties and
//                                            of what this header says. Version 1 gave the theme
//                                            id as the tagging body's id
//                                            ("urn:ofsted-annotator:theme:<encodeURIComponent(id)>"),
//                                            always wrote an assessing body, had no annotation
//                                            waiting for its quote, and its positions counted
//                                            UTF-16 units.
//   collection "ofsted-annotator:themes"    every theme, retired ones too, in order, as the
//                                            native export writes them: { id, label, color,
//                                            order, retired }.
//   body       "ofsted-annotator:theme"     the theme id of a tagging body.
//   body       "ofsted-annotator:severity"  the severity level, 0 (context) … 4 (serious concern).
//   target     "ofsted-annotator:quote"     the annotation's quote as stored ("" while waiting).
//   target     "ofsted-annotator:citation"  { page, pageEnd?, paragraph?, section? } as stored;
//                                            absent when the annotation has none.
//   target     "ofsted-annotator:document"  the document's record less its address (which is
//                                            `source`): { title, createdAt, updatedAt,
//                                            details?: { localAuthority, visitType,
//                                            inspectionDates: { text, start, end },
//                                            judgements: [{ judgement, grade }] } };
//                                            absent when the document has no record.
//
// To rebuild an annotation: id = item id less "urn:uuid:"; url = target.source; quote =
// target["ofsted-annotator:quote"]; selectors = target.selector without FragmentSelectors;
// themes = the tagging bodies' "ofsted-annotator:theme"; severity = the assessing body's
// "ofsted-annotator:severity", or -1 (unrated) without one; note = the commenting body's
// value, or "" without one; citation = target["ofsted-annotator:citation"]; createdAt =
// created; updatedAt = modified.

import type { Annotation, Citation, DocumentRecord, Selector, Severity, Theme } from '../model';
import { severityLabel, UNRATED } from '../taxonomy/severity';
import { inDocumentOrder, isPdfAnnotation, recordsByUrl, type BriefingInput } from './briefing-input';
import { exportedThemes } from './json';
import { stableUuid } from './stable-uuid';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const W3C_EXTENSION_VERSION = 2;
/** How version 1 of the extension properties named a tag's theme: this prefix and its encoded id. */
export const THEME_ID_PREFIX = 'urn:ofsted-annotator:theme:';
export const ANNOTATION_ID_PREFIX = 'urn:uuid:';

const DEFAULT_LABEL = 'Ofsted Annotator annotations';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'assessing' | 'commenting';
  value: string;
  format?: 'text/plain';
  'ofsted-annotator:theme'?: string;
  'ofsted-annotator:severity'?: Severity;
}

interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: 'http://tools.ietf.org/rfc/rfc3778';
  value: string;
}

interface W3cTarget {
  type: 'SpecificResource';
  source: string;
  selector: Array<Selector | FragmentSelector>;
  'ofsted-annotator:quote': string;
  'ofsted-annotator:citation'?: Citation;
  'ofsted-annotator:document'?: Omit<DocumentRecord, 'url'>;
}

export interface W3cAnnotation {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  /** Only without a body: the annotation marks the passage and says nothing of it. */
  motivation?: 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: W3cTarget;
}

export interface W3cPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection, by id: the suite checks a page's partOf as an object (its description). */
  partOf: { id: string };
  startIndex: 0;
  items: W3cAnnotation[];
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  'ofsted-annotator:version': typeof W3C_EXTENSION_VERSION;
  'ofsted-annotator:themes': Theme[];
  first: W3cPage;
  last: string;
}

/** The collection (JSON.stringify it to write the file); annotations by document, then reading order. */
export function buildW3cCollection(
  input: BriefingInput,
  options: { now?: Date; label?: string } = {},
): W3cCollection {
  const { now = new Date(), label = DEFAULT_LABEL } = options;
  const records = recordsByUrl(input.documents);
  const annotations = inDocumentOrder(input);
  const items = annotations.map((a) => w3cAnnotation(a, records.get(a.url), input.themes));
  const generated = now.toISOString();
  const ids = exportIds(generated, label, annotations);
  return {
    '@context': W3C_CONTEXT,
    id: ids.collection,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generated,
    'ofsted-annotator:version': W3C_EXTENSION_VERSION,
    'ofsted-annotator:themes': exportedThemes(input.themes),
    first: { id: ids.page, type: 'AnnotationPage', partOf: { id: ids.collection }, startIndex: 0, items },
    last: ids.page,
  };
}

/**
 * The collection's and the page's ids: UUIDs made from what the export holds (its time, its
 * label, each annotation's id and last change), so exporting the same thing again gives the
 * same ids, and a different export different ones.
 */
function exportIds(
  generated: string,
  label: string,
  annotations: readonly Annotation[],
): { collection: string; page: string } {
  const content = [generated, label, ...annotations.map((a) => `${a.id}@${a.updatedAt}`)].join('\n');
  return {
    collection: ANNOTATION_ID_PREFIX + stableUuid(`AnnotationCollection\n${content}`),
    page: ANNOTATION_ID_PREFIX + stableUuid(`AnnotationPage\n${content}`),
  };
}

function w3cAnnotation(
  a: Annotation,
  record: DocumentRecord | undefined,
  themes: readonly Theme[],
): W3cAnnotation {
  const body = [
    ...a.themes.map((id) => tagBody(id, themes)),
    ...severityBodies(a.severity),
    ...noteBodies(a.note),
  ];
  return {
    '@context': W3C_CONTEXT,
    id: ANNOTATION_ID_PREFIX + a.id,
    type: 'Annotation',
    ...(body.length === 0 && { motivation: 'highlighting' as const }),
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length > 0 && { body }),
    target: target(a, record),
  };
}

/** A theme as a tag: its label for people, its id (which survives renaming) for importers. */
function tagBody(themeId: string, themes: readonly Theme[]): TextualBody {
  return {
    type: 'TextualBody',
    purpose: 'tagging',
    value: themes.find((t) => t.id === themeId)?.label ?? themeId,
    'ofsted-annotator:theme': themeId,
  };
}

/** The severity as an assessment; none for an unrated annotation, which nobody assessed. */
function severityBodies(severity: Severity): TextualBody[] {
  if (severity === UNRATED) return [];
  return [
    {
      type: 'TextualBody',
      purpose: 'assessing',
      value: severityLabel(severity),
      'ofsted-annotator:severity': severity,
    },
  ];
}

function noteBodies(note: string): TextualBody[] {
  return note === ''
    ? []
    : [{ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' }];
}

function target(a: Annotation, record: DocumentRecord | undefined): W3cTarget {
  const page = isPdfAnnotation(a) ? a.citation?.page : undefined;
  return {
    type: 'SpecificResource',
    source: a.url,
    selector: [...a.selectors.map((s) => ({ ...s })), ...(page ? [pageSelector(page)] : [])],
    'ofsted-annotator:quote': a.quote,
    ...(a.citation && { 'ofsted-annotator:citation': { ...a.citation } }),
    ...(record && { 'ofsted-annotator:document': documentPart(record) }),
  };
}

/** The PDF page, as RFC 3778 fragment identifiers name it (so `source#page=N` opens there). */
function pageSelector(page: number): FragmentSelector {
  return { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${page}` };
}

function documentPart({ title, details, createdAt, updatedAt }: DocumentRecord): Omit<DocumentRecord, 'url'> {
  return {
    title,
    createdAt,
    updatedAt,
    ...(details && {
      details: {
        ...details,
        inspectionDates: { ...details.inspectionDates },
        judgements: details.judgements.map((j) => ({ ...j })),
      },
    }),
  };
}
