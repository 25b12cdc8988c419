// The W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), JSON-LD with the
// standard context, for tools that read Web Annotations (Hypothesis-style clients, annotation
// servers, research pipelines).
//
// One AnnotationCollection with one AnnotationPage holding every annotation. Each annotation:
//
//   id        "urn:uuid:<annotation id>"
//   created   / modified: the annotation's createdAt / updatedAt
//   body      in this order:
//             - per theme, in the annotation's order: { type: "TextualBody", purpose: "tagging",
//               value: <theme label>, id: "urn:ofsted-annotator:theme:<encodeURIComponent(theme id)>" }
//             - the severity: { type: "TextualBody", purpose: "assessing", value: <severity label>,
//               "ofsted-annotator:severity": <0…4> }
//             - the note, when not empty: { type: "TextualBody", purpose: "commenting",
//               value: <note>, format: "text/plain" }
//   target    { type: "SpecificResource", source: <document address>, selector: [...] }
//             selector: the stored selectors, exactly as stored (TextQuoteSelector,
//             TextPositionSelector), then, for a PDF with a known page, a FragmentSelector
//             (RFC 3778, "page=N") derived from the citation.
//
// Extension properties (keys are absolute IRIs in the "ofsted-annotator:" scheme, so a
// JSON-LD processor keeps them; their values are plain JSON):
//
//   collection "ofsted-annotator:version"   1: the version of these extension properties.
//   collection "ofsted-annotator:themes"    every theme, retired ones too, in order, as the
//                                            native export writes them: { id, label, color,
//                                            order, retired }.
//   body       "ofsted-annotator:severity"  the severity level, 0 (context) … 4 (serious concern).
//   target     "ofsted-annotator:quote"     the annotation's quote as stored.
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
// themes = the tagging bodies' ids less "urn:ofsted-annotator:theme:", URI-decoded;
// severity = the assessing body's "ofsted-annotator:severity"; note = the commenting body's
// value, or "" without one; citation = target["ofsted-annotator:citation"]; createdAt =
// created; updatedAt = modified.

import type { Annotation, Citation, DocumentRecord, Selector, Severity, Theme } from '../model';
import { severityLabel } from '../taxonomy/severity';
import { inDocumentOrder, isPdfAnnotation, recordsByUrl, type BriefingInput } from './briefing-input';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const W3C_EXTENSION_VERSION = 1;
export const THEME_ID_PREFIX = 'urn:ofsted-annotator:theme:';
export const ANNOTATION_ID_PREFIX = 'urn:uuid:';

const DEFAULT_LABEL = 'Ofsted Annotator annotations';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'assessing' | 'commenting';
  value: string;
  id?: string;
  format?: 'text/plain';
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
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body: TextualBody[];
  target: W3cTarget;
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  'ofsted-annotator:version': typeof W3C_EXTENSION_VERSION;
  'ofsted-annotator:themes': Theme[];
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** The collection (JSON.stringify it to write the file); annotations by document, then reading order. */
export function buildW3cCollection(
  input: BriefingInput,
  options: { now?: Date; label?: string } = {},
): W3cCollection {
  const { now = new Date(), label = DEFAULT_LABEL } = options;
  const records = recordsByUrl(input.documents);
  const items = inDocumentOrder(input).map((a) => w3cAnnotation(a, records.get(a.url), input.themes));
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generated: now.toISOString(),
    'ofsted-annotator:version': W3C_EXTENSION_VERSION,
    'ofsted-annotator:themes': [...input.themes]
      .sort((a, b) => a.order - b.order)
      .map(({ id, label, color, order, retired }) => ({ id, label, color, order, retired })),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function w3cAnnotation(
  a: Annotation,
  record: DocumentRecord | undefined,
  themes: readonly Theme[],
): W3cAnnotation {
  return {
    id: ANNOTATION_ID_PREFIX + a.id,
    type: 'Annotation',
    created: a.createdAt,
    modified: a.updatedAt,
    body: [...a.themes.map((id) => tagBody(id, themes)), severityBody(a.severity), ...noteBodies(a.note)],
    target: target(a, record),
  };
}

/** A theme as a tag: its label for people, its id (which survives renaming) for importers. */
function tagBody(themeId: string, themes: readonly Theme[]): TextualBody {
  return {
    type: 'TextualBody',
    purpose: 'tagging',
    value: themes.find((t) => t.id === themeId)?.label ?? themeId,
    id: THEME_ID_PREFIX + encodeURIComponent(themeId),
  };
}

function severityBody(severity: Severity): TextualBody {
  return {
    type: 'TextualBody',
    purpose: 'assessing',
    value: severityLabel(severity),
    'ofsted-annotator:severity': severity,
  };
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
