import { UNNAMED_THEME } from '../../../../lib/db/import';
// What an import must do, written out independently of lib/db/import.ts: the contents a
// file of each format holds, the database after a file is imported whole, the rules every
// stored row keeps, and what a refusal's message must look like.

import type { Table } from 'dexie';
import type { AnnotatorDb } from '../../../../lib/db/database';
import type { ImportResult } from '../../../../lib/db/import';
import { MAX_THEME_DESCRIPTION, MAX_THEME_LABEL, NEUTRAL_THEME_COLOR } from '../../../../lib/db/themes';
import { checkAnnotation, checkDetails, isTimestamp } from '../../../../lib/db/validate';
import type { ExportContents } from '../../../../lib/export/read';
import type { Annotation, DocumentRecord, Theme } from '../../../../lib/model';
import { legacyPositionsToCodePoints } from '../../../../lib/anchoring/code-points';
import type { Dataset, DbState, Format } from './arbitraries';

/** Every table of the database, each in its primary key's order. */
export type Dump = Record<string, unknown[]>;

export async function dump(
  db: AnnotatorDb,
  // By default the user's records; the team space's bookkeeping (outbox, spaceRevs) is the bridge tests' business.
  which: readonly Table[] = [db.annotations, db.documents, db.themes],
): Promise<Dump> {
  return db.transaction('r', which, async () => {
    const tables: Dump = {};
    for (const table of [...which].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      tables[table.name] = await table.toArray();
    }
    return tables;
  });
}

/** Puts `state` into a newly created database (which holds the default themes). */
export async function seed(db: AnnotatorDb, state: DbState): Promise<void> {
  await db.open();
  await db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    await db.themes.bulkPut(state.themes);
    await db.documents.bulkPut(state.documents);
    await db.annotations.bulkPut(state.annotations);
  });
}

// ---------------------------------------------------------------------------------------------
// What a valid file holds

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
export const byId = byKey<{ id: string }>((r) => r.id);
export const byUrl = byKey<{ url: string }>((r) => r.url);

/** The contents a reader must find in the file the writers make of `data` in `format`. */
export function contentsOf(data: Dataset, format: Format): ExportContents {
  const records = new Map(data.documents.map((d) => [d.url, d]));
  const annotations = data.annotations.map((a) => {
    if (format !== 'native-v1') return a;
    // Version 1 had no citations, and its positions counted UTF-16 units: the reader converts them.
    const { citation: _dropped, ...rest } = a;
    return { ...rest, selectors: legacyPositionsToCodePoints(a.selectors) };
  });
  const urls = [...new Set(annotations.map((a) => a.url))];
  const documents = urls.map((url): DocumentRecord => {
    const record = records.get(url);
    if (record && format !== 'native-v1') return record;
    const own = annotations.filter((a) => a.url === url);
    return {
      url,
      title: record?.title ?? url,
      createdAt: own.map((a) => a.createdAt).sort()[0]!,
      updatedAt: own
        .map((a) => a.updatedAt)
        .sort()
        .at(-1)!,
    };
  });
  const themes = [...data.themes]
    .sort((a, b) => a.order - b.order)
    .map(({ id, label, description, color, order, retired }) => ({
      id,
      label,
      ...(description !== undefined && { description }),
      color,
      order,
      retired,
    }));
  return { themes, annotations, documents };
}

/** The same contents, in a stable order, to compare. */
export function sorted(contents: ExportContents): ExportContents {
  return {
    themes: contents.themes,
    annotations: [...contents.annotations].sort(byId),
    documents: [...contents.documents].sort(byUrl),
  };
}

// ---------------------------------------------------------------------------------------------
// The database after an import

const time = (stamp: string) => Date.parse(stamp);
const labelKey = (label: string) => label.trim().toLowerCase();

/**
 * The database after `contents` is imported whole into one that held `before`: each
 * annotation of the file added, or replacing the stored one only when changed later; each
 * document merged (title and details of the later, details kept when it has none, the earlier
 * createdAt); themes the database does not know added after its own, numbered where a label
 * is taken; nothing else changed.
 */
export function expectedAfter(
  before: Dump,
  contents: ExportContents,
): { tables: Dump; result: Pick<ImportResult, 'added' | 'updated' | 'unchanged' | 'themesAdded'> } {
  const { themes, themesAdded, storedIds } = themesAfter(before.themes as Theme[], contents);
  const annotations = new Map((before.annotations as Annotation[]).map((a) => [a.id, a]));
  let added = 0;
  let updated = 0;
  for (const original of contents.annotations) {
    const a = { ...original, themes: [...new Set(original.themes.map((id) => storedIds.get(id) ?? id))] };
    const stored = annotations.get(a.id);
    if (!stored) added++;
    else if (time(a.updatedAt) > time(stored.updatedAt)) updated++;
    else continue;
    annotations.set(a.id, a);
  }

  const documents = new Map((before.documents as DocumentRecord[]).map((d) => [d.url, d]));
  for (const file of contents.documents) {
    const stored = documents.get(file.url);
    if (!stored) {
      documents.set(file.url, file);
      continue;
    }
    const [older, newer] = time(file.updatedAt) > time(stored.updatedAt) ? [stored, file] : [file, stored];
    const details = newer.details ?? older.details;
    documents.set(file.url, {
      url: stored.url,
      title: newer.title,
      ...(details && { details }),
      createdAt: time(stored.createdAt) > time(file.createdAt) ? file.createdAt : stored.createdAt,
      updatedAt: newer.updatedAt,
    });
  }

  return {
    tables: {
      annotations: [...annotations.values()].sort(byId),
      documents: [...documents.values()].sort(byUrl),
      themes: themes.sort(byId),
    },
    result: { added, updated, unchanged: contents.annotations.length - added - updated, themesAdded },
  };
}

/** A theme name as tags are matched: case, white space, hyphens and underscores ignored. */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s\-_]+/gu, '');

/**
 * The themes after import: the file's themes the database does not know, added after its own;
 * but a theme the file only names (a tag, or an id it does not list) that names a theme there
 * (or one added before it) by label or id is that theme (`storedIds`).
 */
function themesAfter(before: Theme[], contents: ExportContents) {
  const themes = [...before];
  const storedIds = new Map<string, string>();
  const tagIds = new Set(contents.tagThemeIds ?? []);
  const named = (theme: { id: string; label: string }) => {
    // Stored ids first, then stored labels, then themes added in order (id, then label).
    const keys = [nameKey(theme.label), nameKey(theme.id)];
    for (const key of keys) {
      if (key === '') continue;
      const byId = before.find((t) => nameKey(t.id) === key);
      const byLabel = before.find((t) => nameKey(t.label) === key);
      const found = byId ?? byLabel ?? themes.slice(before.length).find((t) => nameKey(t.id) === key || nameKey(t.label) === key);
      if (found) return found.id;
    }
    return undefined;
  };
  const listed = new Map(contents.themes.map((t) => [t.id, t]));
  const wanted = [
    ...[...contents.themes].sort((a, b) => a.order - b.order).map((t) => t.id),
    ...contents.annotations.flatMap((a) => a.themes),
  ];
  let order = themes.reduce((max, t) => Math.max(max, t.order + 1), 0);
  let themesAdded = 0;
  for (const id of new Set(wanted)) {
    if (themes.some((t) => t.id === id)) continue;
    const source = listed.get(id);
    const wantedLabel = source?.label.trim() || id.trim() || UNNAMED_THEME;
    const same = !source || tagIds.has(id) ? named({ id, label: wantedLabel }) : undefined;
    if (same !== undefined) {
      storedIds.set(id, same);
      continue;
    }
    const used = new Set(themes.map((t) => labelKey(t.label)));
    let label = wantedLabel;
    for (let n = 2; used.has(labelKey(label)); n++) label = `${wantedLabel} (${n})`;
    themes.push({
      id,
      label,
      ...(source?.description !== undefined && { description: source.description }),
      color: source?.color ?? NEUTRAL_THEME_COLOR,
      order: order++,
      retired: source?.retired ?? false,
    });
    themesAdded++;
  }
  return { themes, themesAdded, storedIds };
}

// ---------------------------------------------------------------------------------------------
// Rules every stored row keeps

const ANNOTATION_KEYS = new Set([
  'id',
  'url',
  'quote',
  'selectors',
  'themes',
  'severity',
  'note',
  'citation',
  'createdAt',
  'updatedAt',
]);
const DOCUMENT_KEYS = new Set(['url', 'title', 'details', 'createdAt', 'updatedAt']);
const THEME_KEYS = ['color', 'id', 'label', 'order', 'retired'];
const COLOUR = /^#[0-9a-f]{6}$/i;

/** Asserts that every row is one the extension's own writes could have stored. */
export function expectValidRows(tables: Dump): void {
  const themes = tables.themes as Theme[];
  const themeIds = new Set(themes.map((t) => t.id));
  const labels = new Set<string>();
  for (const theme of themes) {
    expect(Object.getPrototypeOf(theme)).toBe(Object.prototype);
    expect(Object.keys(theme).filter((key) => key !== 'description').sort()).toEqual(THEME_KEYS);
    if (theme.description !== undefined) {
      expect(typeof theme.description).toBe('string');
      expect(theme.description.length).toBeLessThanOrEqual(MAX_THEME_DESCRIPTION);
    }
    expect(theme.color).toMatch(COLOUR);
    expect(theme.label.trim()).not.toBe('');
    expect(theme.label.replace(/ \(\d+\)$/, '').length).toBeLessThanOrEqual(MAX_THEME_LABEL);
    expect(labels.has(labelKey(theme.label))).toBe(false);
    labels.add(labelKey(theme.label));
    expect(Number.isFinite(theme.order)).toBe(true);
    expect(typeof theme.retired).toBe('boolean');
  }
  for (const annotation of tables.annotations as Annotation[]) {
    expect(Object.getPrototypeOf(annotation)).toBe(Object.prototype);
    for (const key of Object.keys(annotation)) expect(ANNOTATION_KEYS).toContain(key);
    expect(checkAnnotation(annotation, themeIds)).toStrictEqual(annotation);
  }
  for (const document of tables.documents as DocumentRecord[]) {
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    for (const key of Object.keys(document)) expect(DOCUMENT_KEYS).toContain(key);
    expect(typeof document.url === 'string' && document.url !== '').toBe(true);
    expect(typeof document.title).toBe('string');
    expect(isTimestamp(document.createdAt) && isTimestamp(document.updatedAt)).toBe(true);
    if ('details' in document) expect(checkDetails(document.details)).toStrictEqual(document.details);
  }
}

// ---------------------------------------------------------------------------------------------
// Refusals

/** What a message shown to a user must never contain: the engine's words, or a value the code lost. */
const RAW =
  /undefined|\[object |\bNaN\b|Cannot read prop|Cannot convert|is not a function|is not iterable|is not defined|Maximum call stack|Unexpected token|not valid JSON$|\n\s+at /;

export const MAX_MESSAGE_LENGTH = 400;

/** The place a message names first ("annotations[3].severity"), if it names one. */
export function placeOf(message: string): string | undefined {
  return /^((?:[\w@-]+(?::[\w@-]+)?|\[\d+\])(?:\[\d+\]|\.[\w@:-]+)*): \S/.exec(message)?.[1];
}

/** Asserts that `error` is a refusal a user can read: a short sentence of our own, naming what is wrong. */
export function expectClearRefusal(error: unknown, text: string): string {
  expect(error).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(['Error', 'FieldError']).toContain(name);
  expect(message.length).toBeGreaterThanOrEqual(15);
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  expect(message).not.toMatch(RAW);
  expect(message).toMatch(/[A-Za-z]{2,} [A-Za-z]{2,}/);
  if (message.startsWith('This file is not valid JSON')) expectJsonPlace(message, text);
  return message;
}

/** A syntax error names its line and column, which are in the file, and says what is wrong there. */
export function expectJsonPlace(message: string, text: string): void {
  const match = /^This file is not valid JSON: line (\d+), column (\d+): (\S.*)$/s.exec(message);
  expect(match, message).not.toBeNull();
  const lines = text.split('\n');
  const line = Number(match![1]);
  expect(line).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(lines.length);
  expect(Number(match![2])).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
}
