// Reads annotations from Hypothesis (https://web.hypothes.is): the file its client writes with
// "Export annotations" ({ export_date, export_userid, client_version, annotations }) and a
// response of its API's search ({ total, rows }, with `replies` when asked to separate them).
// Each annotation is in the API's shape: id, uri, target[].source and target[].selector,
// tags, text (Markdown), created, updated, group, document.title, references.
//
// What comes across: the TextQuoteSelector (exact, prefix, suffix) as the evidence anchoring
// looks for; the tags as themes and severity (hypothesis-tags.ts); the text as the note;
// created and updated; the page's address and title. What does not: Hypothesis's positions
// (TextPositionSelector, RangeSelector) count raw textContent characters, where ours count
// code points of the normalised text, so they are dropped and the quote and its context find
// the passage. Replies and page notes are about no passage: they are skipped, each with its
// reason, as is an annotation that cannot be read, and the rest comes in.

import { collapseSpace } from '../anchoring/selectors';
import { documentUrl } from '../document-url';
import { fail, FieldError, readNamingPlace, within } from '../db/field-error';
import { checkAnnotation, isRecord, isTimestamp } from '../db/validate';
import type { Annotation, Citation, Selector, TextQuoteSelector } from '../model';
import { UNRATED } from '../taxonomy/severity';
import { readTags, TagThemes } from './hypothesis-tags';
import { documentRecords, type DocumentParts, type ExportContents, type Skipped } from './read';
import { stableUuid } from './stable-uuid';

type Json = Record<string, unknown>;

export const REPLY = 'replies (a reply is about another annotation, not a passage)';
export const PAGE_NOTE = 'page notes (a page note is about the whole page, not a passage)';
export const NO_QUOTE =
  'annotations with no quoted text (Hypothesis’s positions alone cannot be placed here)';
export const NO_ADDRESS = 'annotations with no page address';
export const NO_ID = 'annotations with no id';

/** Whether the parsed file is a Hypothesis export or API search response. */
export function isHypothesisFile(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if (Array.isArray(json.annotations)) {
    return ['export_date', 'export_userid', 'client_version'].some((key) => Object.hasOwn(json, key));
  }
  return Array.isArray(json.rows) && (typeof json.total === 'number' || json.rows.some(isApiAnnotation));
}

const isApiAnnotation = (row: unknown) =>
  isRecord(row) && (Object.hasOwn(row, 'uri') || Object.hasOwn(row, 'target'));

interface Item {
  annotation: Annotation;
  document: DocumentParts;
  /** Whether it had neither `created` nor `updated`, and was dated by the file. */
  undated: boolean;
}

/** What one annotation of the file gives: an item, or the reason it is skipped. */
type Reading = { item: Item } | { skip: string };

/** Reads an annotation's tags into its theme ids and severity. */
type TagReader = (tags: string[]) => Pick<Annotation, 'themes' | 'severity'>;

/**
 * The contents of a Hypothesis export or search response. `now` dates an annotation that has
 * neither `created` nor `updated` when the file has no export date either.
 */
export function readHypothesisExport(json: unknown, now: Date = new Date()): ExportContents {
  return readNamingPlace(() => readContents(json, now));
}

function readContents(json: unknown, now: Date): ExportContents {
  if (!isRecord(json)) fail('', 'This is not a Hypothesis export');
  const listName = Array.isArray(json.annotations) ? 'annotations' : 'rows';
  const list = json[listName];
  if (!Array.isArray(list)) fail(listName, 'The annotations must be a list');
  const fileTime = normalTime(isTimestamp(json.export_date) ? json.export_date : now.toISOString());
  const tagThemes = new TagThemes();
  let conflicting = 0;
  const tagsOf: TagReader = (tags) => {
    const meaning = readTags(tags);
    conflicting += meaning.conflicting;
    return { themes: meaning.themeTags.map((tag) => tagThemes.idOf(tag)), severity: meaning.severity };
  };
  const skipped: Skipped[] = [];
  const items: Item[] = [];
  list.forEach((entry: unknown, i) => {
    const reading = readEntry(entry, tagsOf, fileTime);
    if ('skip' in reading) skipped.push({ place: `${listName}[${i}]`, reason: reading.skip });
    else items.push(reading.item);
  });
  // A search with _separate_replies=true lists the replies apart.
  if (Array.isArray(json.replies)) {
    json.replies.forEach((_, i) => skipped.push({ place: `replies[${i}]`, reason: REPLY }));
  }
  const undated = items.filter((item) => item.undated).length;
  return {
    themes: tagThemes.themes,
    tagThemeIds: tagThemes.themes.map((t) => t.id),
    annotations: items.map((item) => item.annotation),
    documents: documentRecords(items),
    skipped,
    notes: notesOf(undated, conflicting, tagThemes.shortened),
  };
}

/** One entry of the list: its item, or why it is skipped (a check that fails names its reason). */
function readEntry(entry: unknown, tagsOf: TagReader, fileTime: string): Reading {
  try {
    return readAnnotation(entry, tagsOf, fileTime);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const where = error.field === '' ? '' : `${error.field}: `;
    return { skip: `unreadable annotations (${where}${error.message})` };
  }
}

function readAnnotation(entry: unknown, tagsOf: TagReader, fileTime: string): Reading {
  if (!isRecord(entry)) fail('', 'An annotation must be an object');
  if (Array.isArray(entry.references) && entry.references.length > 0) return { skip: REPLY };
  const target = firstTarget(entry.target);
  if (!target || !hasSelectors(target.selector)) return { skip: PAGE_NOTE };
  const quote = within('target[0].selector', () => quoteSelector(target.selector));
  if (!quote) return { skip: NO_QUOTE };
  const address = [entry.uri, target.source].find((a) => typeof a === 'string' && a.trim() !== '');
  if (typeof address !== 'string') return { skip: NO_ADDRESS };
  if (typeof entry.id !== 'string' || entry.id.trim() === '') return { skip: NO_ID };
  const url = documentUrl(address.trim());
  const tags = within('tags', () => readTagList(entry.tags));
  if (entry.text !== undefined && entry.text !== null && typeof entry.text !== 'string')
    fail('text', 'The note must be text');
  const dates = readDates(entry);
  const citation = within('target[0].selector', () => pageCitation(target.selector));
  // Themes are given once the rest has passed, so a skipped annotation makes no theme.
  const checked = checkAnnotation(
    {
      id: stableUuid(entry.id),
      url,
      // Stored quotes are the page's text with each run of white space one space.
      quote: collapseSpace(quote.exact).trim(),
      selectors: [quote] satisfies Selector[],
      themes: [],
      severity: UNRATED,
      note: entry.text ?? '',
      ...(citation && { citation }),
      createdAt: dates.createdAt ?? fileTime,
      updatedAt: dates.updatedAt ?? fileTime,
    },
    new Set(),
  );
  const annotation = { ...checked, ...tagsOf(tags) };
  const document = { url, title: titleOf(entry.document) ?? url };
  return { item: { annotation, document, undated: dates.createdAt === undefined } };
}

/** Whether a target's selector says where its passage is: Hypothesis's page notes have none. */
function hasSelectors(selector: unknown): boolean {
  return Array.isArray(selector) ? selector.length > 0 : selector !== undefined && selector !== null;
}

/** The first target (the h server keeps one per annotation), if it is an object. */
function firstTarget(target: unknown): Json | undefined {
  const first: unknown = Array.isArray(target) ? target[0] : target;
  return isRecord(first) ? first : undefined;
}

/** The TextQuoteSelector, prefix and suffix '' where missing; undefined when there is none or its text is blank. */
function quoteSelector(selectors: unknown): TextQuoteSelector | undefined {
  const list: unknown[] = Array.isArray(selectors) ? selectors : [selectors];
  const index = list.findIndex((s) => isRecord(s) && s.type === 'TextQuoteSelector');
  if (index < 0) return undefined;
  const { exact, prefix = '', suffix = '' } = list[index] as Json;
  const place = Array.isArray(selectors) ? `[${index}]` : '';
  if (typeof exact !== 'string') fail(`${place}.exact`.replace(/^\./, ''), 'The quoted text must be text');
  if (typeof prefix !== 'string' || typeof suffix !== 'string') {
    fail(place, 'The text before and after the quote must be text');
  }
  if (exact.trim() === '') return undefined;
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

/** A PDF's page, from Hypothesis's PageSelector (its index counts from 0). */
function pageCitation(selectors: unknown): Citation | undefined {
  const list: unknown[] = Array.isArray(selectors) ? selectors : [selectors];
  const page = list.find((s) => isRecord(s) && s.type === 'PageSelector') as Json | undefined;
  const index = page?.index;
  return Number.isSafeInteger(index) && (index as number) >= 0 ? { page: (index as number) + 1 } : undefined;
}

function readTagList(tags: unknown): string[] {
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags)) fail('', 'The tags must be a list');
  tags.forEach((tag: unknown, i) => {
    if (typeof tag !== 'string') fail(`[${i}]`, 'A tag must be text');
  });
  return tags as string[];
}

/** `created` and `updated`, each standing in for the other; either may be missing. */
function readDates(entry: Json): { createdAt?: string; updatedAt?: string } {
  for (const field of ['created', 'updated'] as const) {
    const value = entry[field];
    if (value !== undefined && value !== null && !isTimestamp(value)) {
      fail(field, 'The date must be a date and time with its time zone');
    }
  }
  const created = typeof entry.created === 'string' ? normalTime(entry.created) : undefined;
  const updated = typeof entry.updated === 'string' ? normalTime(entry.updated) : undefined;
  return { createdAt: created ?? updated, updatedAt: updated ?? created };
}

/** Hypothesis writes microseconds and "+00:00": stored times are written as toISOString writes them. */
const normalTime = (time: string) => new Date(time).toISOString();

/** The API writes `document.title` as a list; the client's own type has it as text. */
function titleOf(document: unknown): string | undefined {
  if (!isRecord(document)) return undefined;
  const title: unknown = Array.isArray(document.title) ? document.title[0] : document.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

function notesOf(undated: number, conflicting: number, shortened: number): string[] {
  const notes: string[] = [];
  const many = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;
  if (undated > 0) {
    notes.push(`${many(undated, 'annotation had', 'annotations had')} no date: the file’s date was used`);
  }
  if (conflicting > 0) {
    notes.push(
      `${many(conflicting, 'severity tag', 'severity tags')} disagreed with an earlier one on the same annotation: the first sets the severity, the others are kept as themes`,
    );
  }
  if (shortened > 0) {
    notes.push(
      `${many(shortened, 'tag was', 'tags were')} longer than a theme’s name may be: the theme’s name is cut short`,
    );
  }
  return notes;
}
