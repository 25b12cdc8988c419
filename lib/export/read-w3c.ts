// Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) into the model's
// objects: an AnnotationCollection (its items, or the items of its embedded pages), a single
// Annotation, or a list of them. Bodies give the annotation's themes (purpose "tagging"), its
// severity ("assessing") and its note ("commenting", or a TextualBody with no purpose); the
// target gives the document's address and the selectors (TextQuoteSelector and
// TextPositionSelector; others are dropped). It only reads: putting them in the database is
// the importer's job. A failure names the bad place in the file, e.g.
// "items[3].target.selector: At least one TextQuoteSelector is required".
//
// The extension's own W3C export (w3c.ts, whose header describes it) adds properties that
// give back everything the native export holds: the collection's themes, the severity level,
// the stored quote, the citation and the document's record. Without them (files from other
// tools) themes are made from the tags, the severity is read from its label, the quote is the
// TextQuoteSelector's exact text and a document is titled by its address.

import { documentUrl } from '../document-url';
import { fail, FieldError, readNamingPlace, show, within } from '../db/field-error';
import { MAX_THEME_LABEL, NEUTRAL_THEME_COLOR, slug } from '../db/themes';
import {
  checkAnnotation,
  checkCitation,
  checkDetails,
  checkSelectors,
  checkTheme,
  isRecord,
  isTimestamp,
} from '../db/validate';
import type { Annotation, Citation, Selector, Severity, Theme } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import { documentRecords, type DocumentParts, type ExportContents } from './read';
import { ANNOTATION_ID_PREFIX, THEME_ID_PREFIX, W3C_EXTENSION_VERSION } from './w3c';

/** The extension properties of w3c.ts. */
const EXT = {
  version: 'ofsted-annotator:version',
  themes: 'ofsted-annotator:themes',
  severity: 'ofsted-annotator:severity',
  quote: 'ofsted-annotator:quote',
  citation: 'ofsted-annotator:citation',
  document: 'ofsted-annotator:document',
} as const;

type Json = Record<string, unknown>;

/** A theme as a tag names it. */
interface Tag {
  id: string;
  label: string;
}

interface Item {
  annotation: Annotation;
  document: DocumentParts;
  tags: Tag[];
}

/** Whether the parsed file looks like W3C Web Annotations (its context, or an Annotation or AnnotationCollection type). */
export function isW3cAnnotations(json: unknown): boolean {
  // A list is looked into once, not recursively: a file may nest lists deeper than the stack.
  const first: unknown = Array.isArray(json) ? json[0] : json;
  if (!isRecord(first)) return false;
  return (
    Object.hasOwn(first, '@context') || hasType(first, 'Annotation') || hasType(first, 'AnnotationCollection')
  );
}

/** The contents of a W3C Web Annotation file; throws an Error that names the first bad place. */
export function readW3cCollection(json: unknown): ExportContents {
  return readNamingPlace(() => readContents(json));
}

function readContents(json: unknown): ExportContents {
  const listedThemes = isRecord(json) ? readExtensionThemes(json) : [];
  const items = annotationsIn(json).map(([place, item]) => within(place, () => readAnnotation(item)));
  return {
    themes: themesOf(listedThemes, items),
    annotations: items.map((item) => item.annotation),
    documents: documentRecords(items),
  };
}

/** The collection's own list of themes (w3c.ts), if it has one; refuses properties of a later version. */
function readExtensionThemes(collection: Json): Theme[] {
  const version = collection[EXT.version];
  if (version !== undefined && version !== W3C_EXTENSION_VERSION) {
    fail(
      EXT.version,
      `Cannot read version ${show(version)} of the Ofsted Annotator properties: this version of Ofsted Annotator reads version ${W3C_EXTENSION_VERSION}`,
    );
  }
  const themes = collection[EXT.themes];
  if (themes === undefined) return [];
  if (!Array.isArray(themes)) fail(EXT.themes, 'The themes must be a list');
  const seen = new Set<string>();
  return themes.map((theme: unknown, i) => {
    const place = `${EXT.themes}[${i}]`;
    const clean = within(place, () => checkTheme(theme, i));
    if (seen.has(clean.id)) fail(`${place}.id`, `The theme ${show(clean.id)} is listed twice`);
    seen.add(clean.id);
    return clean;
  });
}

/** Each annotation in the file, with its place ("items[3]", "first.items[3]", "[3]", or "" for a lone annotation). */
function annotationsIn(json: unknown): Array<[place: string, item: unknown]> {
  if (Array.isArray(json)) return listed(json, '');
  if (!isRecord(json)) fail('', 'This is not a W3C Web Annotation');
  if (hasType(json, 'AnnotationCollection')) return collectionItems(json);
  return [['', json]];
}

/** The collection's `items`, or those of its `first` page and the pages embedded after it. */
function collectionItems(collection: Json): Array<[string, unknown]> {
  if (Array.isArray(collection.items)) return listed(collection.items, 'items');
  const found: Array<[string, unknown]> = [];
  let page: unknown = collection.first;
  let place = 'first';
  while (page !== undefined) {
    if (typeof page === 'string') {
      fail(place, 'The collection continues in another file: only a whole collection can be imported');
    }
    if (!isRecord(page) || !Array.isArray(page.items))
      fail(place, 'A collection page must have a list of items');
    found.push(...listed(page.items, `${place}.items`));
    page = page.next;
    place = `${place}.next`;
  }
  if (place === 'first') fail('', 'The collection has no items');
  return found;
}

const listed = (items: unknown[], place: string): Array<[string, unknown]> =>
  items.map((item, i) => [`${place}[${i}]`, item]);

function readAnnotation(item: unknown): Item {
  if (!isRecord(item)) fail('', 'An annotation must be an object');
  if (item.type !== undefined && !hasType(item, 'Annotation')) {
    fail('type', `Expected an Annotation, not ${show(item.type)}`);
  }
  const id = readId(item.id);
  const target = within('target', () => readTarget(item.target));
  const { tags, severity, note } = readBodies(item);
  const annotation = checkAnnotation(
    {
      id,
      url: target.document.url,
      quote: target.quote,
      selectors: target.selectors,
      themes: tags.map((t) => t.id),
      severity,
      note,
      citation: target.citation,
      ...readDates(item),
    },
    new Set(tags.map((t) => t.id)),
  );
  return { annotation, document: target.document, tags };
}

/** "urn:uuid:<id>" gives <id>; any other id a UUID made from it, the same on every import. */
function readId(id: unknown): string {
  if (typeof id !== 'string' || id.trim() === '') fail('id', 'The annotation has no id');
  const prefix = ANNOTATION_ID_PREFIX;
  if (id.toLowerCase().startsWith(prefix) && id.length > prefix.length) return id.slice(prefix.length);
  return stableUuid(id);
}

/** `created` and `modified`; either stands in for the other when missing. */
function readDates(item: Json): { createdAt: string; updatedAt: string } {
  const { created, modified } = item;
  if (created !== undefined && !isTimestamp(created)) {
    fail('created', `The creation date must be a date and time with its time zone, not ${show(created)}`);
  }
  if (modified !== undefined && !isTimestamp(modified)) {
    fail(
      'modified',
      `The modification date must be a date and time with its time zone, not ${show(modified)}`,
    );
  }
  const createdAt = created ?? modified;
  if (createdAt === undefined) fail('created', 'The annotation has no date');
  return { createdAt, updatedAt: modified ?? createdAt };
}

interface Target {
  document: DocumentParts;
  selectors: Selector[];
  quote: string;
  citation?: Citation;
}

/** The one target: the document, the selectors the model knows, the quote and the citation. */
function readTarget(target: unknown): Target {
  if (Array.isArray(target)) {
    if (target.length !== 1) fail('', 'An annotation must have exactly one target');
    const [only] = target as unknown[];
    if (Array.isArray(only)) fail('[0]', 'A target must be an address or an object, not a list');
    return within('[0]', () => readTarget(only));
  }
  if (typeof target === 'string') target = { source: target };
  if (!isRecord(target)) fail('', 'The annotation has no target');
  const source = isRecord(target.source) ? target.source.id : target.source;
  if (typeof source !== 'string' || source.trim() === '')
    fail('source', 'The target has no document address');
  const url = documentUrl(source);
  const selectors = within('selector', () => readSelectors(target.selector));
  const quote = target[EXT.quote] ?? selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
  if (typeof quote !== 'string') fail(EXT.quote, 'The quote must be text');
  const citation = target[EXT.citation];
  return {
    document: within(EXT.document, () => readDocument(target[EXT.document], url)),
    selectors,
    quote,
    ...(citation !== undefined && { citation: within(EXT.citation, () => checkCitation(citation)) }),
  };
}

/** One selector or a list; a TextQuoteSelector's prefix and suffix may be left out (W3C makes them optional). */
function readSelectors(selector: unknown): Selector[] {
  const many = Array.isArray(selector);
  const list: unknown[] = many ? selector : selector === undefined ? [] : [selector];
  const withContext = list.map((s: unknown) =>
    isRecord(s) && s.type === 'TextQuoteSelector'
      ? { ...s, prefix: s.prefix ?? '', suffix: s.suffix ?? '' }
      : s,
  );
  try {
    return checkSelectors(withContext, 'drop');
  } catch (error) {
    // A lone selector is not a list: its fields are named without "[0]".
    if (!many && error instanceof FieldError)
      throw new FieldError(error.field.replace(/^\[0\]\.?/, ''), error.message);
    throw error;
  }
}

/** The document's record as the target carries it (w3c.ts), or its address as its title. */
function readDocument(record: unknown, url: string): DocumentParts {
  if (record === undefined) return { url, title: url };
  if (!isRecord(record)) fail('', 'The document must be an object with a title');
  const { title, createdAt, updatedAt, details } = record;
  if (typeof title !== 'string') fail('title', 'The document title must be text');
  const parts: DocumentParts = { url, title };
  if (createdAt !== undefined) {
    if (!isTimestamp(createdAt)) fail('createdAt', 'The document has invalid dates');
    parts.createdAt = createdAt;
  }
  if (updatedAt !== undefined) {
    if (!isTimestamp(updatedAt)) fail('updatedAt', 'The document has invalid dates');
    parts.updatedAt = updatedAt;
  }
  if (details !== undefined) parts.details = within('details', () => checkDetails(details));
  return parts;
}

/** Tags (themes), severity and note from the bodies, and a `bodyValue` note. */
function readBodies(item: Json): { tags: Tag[]; severity: Severity; note: string } {
  const tags: Tag[] = [];
  const notes: string[] = [];
  let severity: Severity | undefined;
  const many = Array.isArray(item.body);
  const bodies: unknown[] = many ? (item.body as unknown[]) : item.body === undefined ? [] : [item.body];
  bodies.forEach((body, i) =>
    within(many ? `body[${i}]` : 'body', () => {
      if (!isRecord(body)) return; // A link to a body held elsewhere says nothing the model keeps.
      const purpose = purposeOf(body);
      if (purpose === 'tagging') tags.push(readTag(body));
      else if (purpose === 'assessing') {
        if (severity !== undefined) fail('', 'An annotation can have only one severity');
        severity = readSeverity(body);
      } else if (purpose === 'commenting') notes.push(readText(body));
    }),
  );
  if (item.bodyValue !== undefined) {
    if (typeof item.bodyValue !== 'string') fail('bodyValue', 'The note must be text');
    notes.push(item.bodyValue);
  }
  const seen = new Set<string>();
  return {
    tags: tags.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id))),
    severity: severity ?? 0,
    note: notes.filter((n) => n !== '').join('\n\n'),
  };
}

/** The body's purpose; a TextualBody with none is a comment, as most tools write notes. */
function purposeOf(body: Json): string | undefined {
  const purposes: unknown[] = Array.isArray(body.purpose) ? body.purpose : [body.purpose];
  const known = purposes.find((p) => p === 'tagging' || p === 'assessing' || p === 'commenting');
  if (typeof known === 'string') return known;
  return body.purpose === undefined && hasType(body, 'TextualBody') ? 'commenting' : undefined;
}

/** A tag: its theme id from an id (or source) `urn:ofsted-annotator:theme:<id>`, else a slug of its text. */
function readTag(body: Json): Tag {
  const label = typeof body.value === 'string' ? body.value.trim() : '';
  if (label.length > MAX_THEME_LABEL) fail('value', `A tag is longer than ${MAX_THEME_LABEL} characters`);
  const link = [body.id, body.source].find((v) => typeof v === 'string' && v.startsWith(THEME_ID_PREFIX));
  if (typeof link === 'string' && link.length > THEME_ID_PREFIX.length) {
    const id = decodeThemeId(link.slice(THEME_ID_PREFIX.length));
    if (id.length > MAX_THEME_LABEL) fail('id', `The theme id is longer than ${MAX_THEME_LABEL} characters`);
    return { id, label: label || id };
  }
  if (label === '') fail('value', 'A tag has no text');
  return { id: slug(label), label };
}

function decodeThemeId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fail('id', `The theme id ${show(encoded)} is not correctly encoded`);
  }
}

/** The severity level: its extension property if present, else the level whose label the text is. */
function readSeverity(body: Json): Severity {
  const level = body[EXT.severity];
  if (level !== undefined) {
    const known = SEVERITY_LEVELS.find((s) => s.level === level);
    if (!known) fail(EXT.severity, `The severity must be -1 (unrated), 0, 1, 2, 3 or 4, not ${show(level)}`);
    return known.level;
  }
  const text = readText(body).trim().toLowerCase();
  const named = SEVERITY_LEVELS.find((s) => s.label.toLowerCase() === text);
  if (!named) {
    const labels = SEVERITY_LEVELS.map((s) => `“${s.label}”`).join(', ');
    fail('value', `Unknown severity ${show(body.value)}: expected one of ${labels}`);
  }
  return named.level;
}

function readText(body: Json): string {
  if (typeof body.value !== 'string') fail('value', 'The text must be a string');
  return body.value;
}

/**
 * The collection's listed themes, then each theme the tags name that it does not list, in
 * order of first use, labelled as first tagged, in a neutral colour.
 */
function themesOf(listedThemes: readonly Theme[], items: readonly Item[]): Theme[] {
  const themes = new Map(listedThemes.map((t) => [t.id, t]));
  let order = listedThemes.reduce((max, t) => Math.max(max, t.order + 1), 0);
  for (const { id, label } of items.flatMap((item) => item.tags)) {
    if (!themes.has(id)) {
      themes.set(id, { id, label, color: NEUTRAL_THEME_COLOR, order: order++, retired: false });
    }
  }
  return [...themes.values()];
}

/**
 * A record per document, as its first annotation's target describes it; without dates of its
 * own, it was created with its first annotation and changed with its last.
 */
function hasType(value: Json, type: string): boolean {
  return value.type === type || (Array.isArray(value.type) && value.type.includes(type));
}

/**
 * A UUID (version 8, "custom") made from a 128-bit hash of `text` (cyrb128), so an id that
 * is not a UUID URN maps to the same annotation id every time the file is imported.
 */
export function stableUuid(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
