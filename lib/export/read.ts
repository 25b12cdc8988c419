// Reads a native export file (version 1, 2 or 3, see json.ts) back into the model's objects:
// themes, annotations and their documents. It only reads: putting them in the database is
// the importer's job. The checks are validate.ts's, so a file holds nothing a save would
// refuse; a failure names the bad field's place in the file, e.g.
// "annotations[3].severity: Severity must be -1 (unrated), 0, 1, 2, 3 or 4, not 7".
// Versions 1 and 2 predate what version 3 changed: their positions counted UTF-16 units (they
// are converted to code points as the database upgrade converts stored ones), and they had no
// unrated severity (-1 there is refused, as a version-2 writer never wrote it).

import { fail, readNamingPlace, show, within } from '../db/field-error';
import {
  checkAnnotation,
  checkCitation,
  checkDetails,
  checkSelectors,
  checkTheme,
  isRecord,
  isTimestamp,
} from '../db/validate';
import { legacyPositionsToCodePoints } from '../anchoring/code-points';
import type { Annotation, Citation, DocumentRecord, Selector, Theme } from '../model';
import { UNRATED } from '../taxonomy/severity';
import { EXPORT_FORMAT } from './json';

/** The export versions this reader understands. */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/** The first version whose positions count code points and whose severity may be unrated. */
const CODE_POINT_VERSION = 3;

export interface ExportContents {
  themes: Theme[];
  /** In the file's order. */
  annotations: Annotation[];
  /** One per annotated document, in the order of their first annotation. */
  documents: DocumentRecord[];
  /** What a file from another tool held that could not come across, each with its reason. */
  skipped?: Skipped[];
  /** What the reader had to decide for the user to know, e.g. "2 annotations had no creation date: …". */
  notes?: string[];
  /**
   * The ids of themes the file names only by a tag, with no record of their own (other tools'
   * files): the import matches them to stored themes by label or id, case and spacing ignored.
   */
  tagThemeIds?: string[];
}

export interface Skipped {
  /** Where in the file, e.g. "rows[3]" or "items[0]". */
  place: string;
  /** Why, in words the user reads; skipped items with the same reason are counted together. */
  reason: string;
}

/** A document as one annotation of the file describes it; version 1 files have no dates. */
export type DocumentParts = Omit<DocumentRecord, 'createdAt' | 'updatedAt'> & {
  createdAt?: string;
  updatedAt?: string;
};

const CITATION_FIELDS = ['page', 'pageEnd', 'paragraph', 'section'] as const;
const DETAIL_FIELDS = ['localAuthority', 'visitType', 'inspectionDates', 'judgements', 'outcome'] as const;

/** The contents of a parsed export file; throws an Error that names the first bad field's place. */
export function readExport(json: unknown): ExportContents {
  return readNamingPlace(() => readContents(json));
}

function readContents(file: unknown): ExportContents {
  if (!isRecord(file) || file.format !== EXPORT_FORMAT) {
    throw new Error('This is not an Ofsted Annotator export');
  }
  const { version } = file;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    const reads = `this version of Ofsted Annotator reads versions ${listed(READABLE_VERSIONS)}`;
    if (version === undefined) throw new Error(`This export does not say which version it is: ${reads}`);
    throw new Error(`Cannot read export version ${show(version)}: ${reads}`);
  }
  if (!isTimestamp(file.exportedAt)) fail('exportedAt', 'The export date is not a date and time');
  const themes = within('themes', () => readThemes(file.themes));
  const themeIds = new Set(themes.map((t) => t.id));
  if (!Array.isArray(file.annotations)) fail('annotations', 'The annotations must be a list');
  const items = file.annotations.map((item: unknown, i) =>
    within(`annotations[${i}]`, () => readAnnotation(item, version, themeIds)),
  );
  const annotations = items.map((item) => item.annotation);
  return { themes, annotations, documents: documentRecords(items) };
}

function readThemes(themes: unknown): Theme[] {
  if (!Array.isArray(themes)) fail('', 'The themes must be a list');
  const seen = new Set<string>();
  return themes.map((theme: unknown, i) => {
    const clean = within(`[${i}]`, () => checkTheme(theme, i));
    if (seen.has(clean.id)) fail(`[${i}].id`, `The theme ${show(clean.id)} is listed twice`);
    seen.add(clean.id);
    return clean;
  });
}

/** One exported annotation: the annotation (its document's address as `url`) and what it says of its document. */
function readAnnotation(
  item: unknown,
  version: number,
  themeIds: ReadonlySet<string>,
): { annotation: Annotation; document: DocumentParts } {
  if (!isRecord(item)) fail('', 'The annotation must be an object');
  const document = within('document', () => readDocument(item.document, version));
  // Selectors of kinds a later writer added are dropped, not refused (the schema allows them).
  const selectors = within('selectors', () => readSelectors(item.selectors, version));
  if (version < CODE_POINT_VERSION && item.severity === UNRATED) {
    fail('severity', `Severity must be 0, 1, 2, 3 or 4 in a version ${version} export, not -1`);
  }
  const citation = version >= 2 ? readCitation(item) : undefined;
  const annotation = checkAnnotation({ ...item, url: document.url, selectors, citation }, themeIds);
  return { annotation, document };
}

/** The selectors, their positions in code points (versions 1 and 2 counted UTF-16 units). */
function readSelectors(selectors: unknown, version: number): Selector[] {
  // Before version 3 every annotation had a quote: one waiting for it is refused there.
  const clean = checkSelectors(selectors, 'drop', { quoteMayWait: version >= CODE_POINT_VERSION });
  return version >= CODE_POINT_VERSION ? clean : legacyPositionsToCodePoints(clean);
}

/** Version 2 flattens the citation onto the annotation: page, pageEnd, paragraph, section. */
function readCitation(item: Record<string, unknown>): Citation | undefined {
  return CITATION_FIELDS.some((field) => item[field] !== undefined) ? checkCitation(item) : undefined;
}

function readDocument(document: unknown, version: number): DocumentParts {
  if (!isRecord(document)) fail('', 'The document must be an object with url and title');
  const { url, title, createdAt, updatedAt } = document;
  if (typeof url !== 'string' || url === '') fail('url', 'The document has no address');
  if (typeof title !== 'string') fail('title', 'The document title must be text');
  if (version < 2) return { url, title };
  const parts: DocumentParts = { url, title, ...readDocumentDates(createdAt, updatedAt) };
  // Version 2 puts a report's details on its document object: all four fields or none.
  if (DETAIL_FIELDS.some((field) => document[field] !== undefined)) parts.details = checkDetails(document);
  return parts;
}

/**
 * One record per document the file's annotations name; a document without dates of its own
 * (version 1, or a W3C file from another tool) takes them from its annotations.
 */
export function documentRecords(items: ReadonlyArray<{ annotation: Annotation; document: DocumentParts }>) {
  const byUrl = new Map<string, { parts: DocumentParts; annotations: Annotation[] }>();
  for (const { annotation, document } of items) {
    const entry = byUrl.get(document.url) ?? { parts: document, annotations: [] };
    entry.annotations.push(annotation);
    byUrl.set(document.url, entry);
  }
  return [...byUrl.values()].map(({ parts, annotations }): DocumentRecord => ({
    ...parts,
    createdAt: parts.createdAt ?? earliest(annotations.map((a) => a.createdAt)),
    updatedAt: parts.updatedAt ?? latest(annotations.map((a) => a.updatedAt)),
  }));
}

/** "1 and 2", "1, 2 and 3". */
function listed(versions: readonly number[]): string {
  return versions.length < 2
    ? versions.join('')
    : `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`;
}

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const earliest = (stamps: string[]) => stamps.sort(byTime)[0]!;
const latest = (stamps: string[]) => stamps.sort(byTime).at(-1)!;

/** A document record's own dates, each optional (the W3C export's document record too). */
export function readDocumentDates(
  createdAt: unknown,
  updatedAt: unknown,
): Pick<DocumentParts, 'createdAt' | 'updatedAt'> {
  const dates: Pick<DocumentParts, 'createdAt' | 'updatedAt'> = {};
  if (createdAt !== undefined) {
    if (!isTimestamp(createdAt)) fail('createdAt', 'The document has invalid dates');
    dates.createdAt = createdAt;
  }
  if (updatedAt !== undefined) {
    if (!isTimestamp(updatedAt)) fail('updatedAt', 'The document has invalid dates');
    dates.updatedAt = updatedAt;
  }
  return dates;
}
