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

/** 0 context … 4 serious concern, or -1 not yet rated; see lib/taxonomy/severity.ts. */
export type Severity = -1 | 0 | 1 | 2 | 3 | 4;

/** Where a quote stands in a paginated report (PDF). */
export interface Citation {
  /** The 1-based page the quote starts on. */
  page: number;
  /** The last page, when the quote runs over a page break. */
  pageEnd?: number;
  /** The report's numbered paragraph (1, 2, 3 … across pages) the quote starts in. */
  paragraph?: number;
  /** The section heading above the quote, e.g. "What needs to improve?". */
  section?: string;
}

export type VisitType =
  | 'standard inspection'
  | 'short inspection'
  | 'focused visit'
  | 'monitoring visit'
  | 'joint targeted area inspection'
  /** The single inspection framework (2013–2018), its re-inspections included. */
  | 'single inspection framework inspection'
  /** Inspections of looked after children services before November 2013. */
  | 'looked after children inspection'
  /** Inspections of safeguarding (and looked after children) services before November 2013. */
  | 'safeguarding inspection'
  /** Joint area reviews (Ofsted, CQC, HMIC; to 2009), their progress inspections included. */
  | 'joint area review'
  /** Local area SEND partnership inspections (Ofsted and CQC): an outcome, no grades. */
  | 'area SEND inspection';

/** What an Ofsted report says about itself, read from its own text. */
export interface ReportDetails {
  localAuthority: string;
  visitType: VisitType;
  /** As printed ("30 September to 11 October 2024 and 13 to 16 January 2025"), and its first and last days (yyyy-mm-dd). */
  inspectionDates: { text: string; start: string; end: string };
  /** Each judgement with its grade, as printed in the report's grade table; empty when it has none. */
  judgements: Array<{ judgement: string; grade: string }>;
  /** What an ungraded inspection concluded, as printed (Area SEND: the inspection outcome). */
  outcome?: string;
}

export interface Annotation {
  id: string;
  /** The document's identity: its address without fragment (see lib/document-url.ts). */
  url: string;
  /**
   * The quoted text; empty only while an imported annotation found by position alone waits
   * for its page to be opened (its selectors then hold no TextQuoteSelector).
   */
  quote: string;
  selectors: Selector[];
  /** Theme ids, never labels, so renaming a theme keeps its annotations. */
  themes: string[];
  severity: Severity;
  note: string;
  /** Page, paragraph and section, for reports that have them. */
  citation?: Citation;
  createdAt: string;
  updatedAt: string;
  /** In a team space: who wrote it, and who changed it last. */
  author?: Person;
  editor?: Person;
  /** Notes a colleague wrote at the same time, kept when their edit lost a conflict. */
  alsoEdited?: AlsoEdited[];
}

/** A member of a team space: their CouchDB user name, and the name they show colleagues. */
export interface Person {
  user: string;
  name: string;
}

export interface AlsoEdited {
  note: string;
  by: Person;
  at: string;
}

/** What the annotation dialog produces; the background adds id, url and timestamps. */
export interface AnnotationDraft {
  quote: string;
  selectors: Selector[];
  themes: string[];
  severity: Severity;
  note: string;
  citation?: Citation;
}

/** The editable part of an annotation. */
export type AnnotationChanges = Pick<Annotation, 'themes' | 'severity' | 'note'>;

export interface DocumentRecord {
  url: string;
  title: string;
  /** For Ofsted reports: what the report says about itself. */
  details?: ReportDetails;
  createdAt: string;
  updatedAt: string;
}

export interface Theme {
  id: string;
  label: string;
  /** What the theme covers, in the user's words; suggestions read it. */
  description?: string;
  color: string;
  /** Position in the picker. */
  order: number;
  /** A retired theme leaves the picker but stays on its annotations. */
  retired: boolean;
}
