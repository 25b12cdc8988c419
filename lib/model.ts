// The data the extension keeps. Selectors follow the W3C Web Annotation model
// (https://www.w3.org/TR/annotation-model/#selectors); positions count characters of the
// document's normalised text (see lib/anchoring/text-index.ts).

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** 0 context … 4 serious concern; see lib/taxonomy/severity.ts. */
export type Severity = 0 | 1 | 2 | 3 | 4;

export interface Annotation {
  id: string;
  /** The document's identity: its address without fragment (see lib/document-url.ts). */
  url: string;
  quote: string;
  selectors: Selector[];
  /** Theme ids, never labels, so renaming a theme keeps its annotations. */
  themes: string[];
  severity: Severity;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** What the annotation dialog produces; the background adds id, url and timestamps. */
export interface AnnotationDraft {
  quote: string;
  selectors: Selector[];
  themes: string[];
  severity: Severity;
  note: string;
}

/** The editable part of an annotation. */
export type AnnotationChanges = Pick<Annotation, 'themes' | 'severity' | 'note'>;

export interface DocumentRecord {
  url: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface Theme {
  id: string;
  label: string;
  color: string;
  /** Position in the picker. */
  order: number;
  /** A retired theme leaves the picker but stays on its annotations. */
  retired: boolean;
}
