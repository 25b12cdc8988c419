// Importing an export file: native (../export/read.ts) or W3C Web Annotations
// (../export/read-w3c.ts). The readers check the whole file first; importContents then
// writes everything in one transaction, or nothing. An annotation the database already has
// is replaced only by a newer copy; themes the database does not know are added after its
// own, which it keeps as they are. A theme that is only a name in the file (another tool's
// tag) and names a stored theme is that theme (theme-match.ts).

import { readAnyExport } from '../export/read-any';
import type { ExportContents, Skipped } from '../export/read';
import type { Annotation, DocumentRecord, Theme } from '../model';
import type { AnnotatorDb } from './database';
import { findSyntaxError } from './json-syntax';
import { isNameOnly, ThemeNames } from './theme-match';
import { NEUTRAL_THEME_COLOR, uniqueLabel } from './themes';

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  themesAdded: number;
  /** The labels of the themes added, so the user can merge or retire them. */
  newThemes: string[];
  skipped: Skipped[];
  notes: string[];
}

/**
 * The largest file read. An export repeats each annotation's document, and the popup indents
 * it: 100,000 annotations over 1,200 documents make about 120 MB (tests/unit/db/import-large).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
export const TOO_LARGE = `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import.`;

/** Reads, checks and imports a file the user chose (a File, or anything with its size and text). */
export async function importFile(
  db: AnnotatorDb,
  file: { size: number; text(): Promise<string> },
): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(TOO_LARGE);
  const contents = readAnyExport(parseJson(await file.text()));
  return importContents(db, contents);
}

/** Writes checked file contents into the database in one transaction. */
export async function importContents(db: AnnotatorDb, contents: ExportContents): Promise<ImportResult> {
  return db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    const { newThemes, storedIds } = await addMissingThemes(db, contents);
    const counts = await putAnnotations(db, withStoredThemes(contents.annotations, storedIds));
    await putDocuments(db, contents.documents);
    return {
      ...counts,
      themesAdded: newThemes.length,
      newThemes,
      skipped: contents.skipped ?? [],
      notes: contents.notes ?? [],
    };
  });
}

/**
 * "3 added, 1 updated, 0 unchanged", then the new themes by name, what was skipped counted by
 * reason (reasons are plural nouns), and the reader's notes: e.g. "…, 2 new themes: “Foo”,
 * “Bar”. 3 skipped: replies (…): 2; page notes (…): 1".
 */
export function describeImport({ added, updated, unchanged, newThemes, skipped, notes }: ImportResult): string {
  let text = `${added} added, ${updated} updated, ${unchanged} unchanged`;
  if (newThemes.length > 0) {
    const names = newThemes.map((label) => `“${label}”`).join(', ');
    text += `, ${newThemes.length} new theme${newThemes.length === 1 ? '' : 's'}: ${names}`;
  }
  if (skipped.length > 0) {
    const byReason = new Map<string, number>();
    for (const { reason } of skipped) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    const reasons = [...byReason].map(([reason, n]) => `${reason}: ${n}`).join('; ');
    text += `. ${skipped.length} skipped: ${reasons}`;
  }
  return [text, ...notes].join('. ');
}

/** The parsed file; a syntax error says where it is ("line 3, column 14: …"). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not valid JSON: ${syntaxErrorPlace(text, (error as Error).message)}`);
  }
}

function syntaxErrorPlace(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}: ${reasonOf(message)}`;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return `${placeOf(text, Number(position))}: ${reasonOf(message)}`;
  // The engine does not say where ("Unexpected token '}', "…" is not valid JSON"): find it.
  const problem = findSyntaxError(text);
  if (problem) return `${placeOf(text, problem.offset)}: ${problem.reason}`;
  return reasonOf(message);
}

/** The engine's message without its own statement of the place. */
const reasonOf = (message: string) =>
  message
    .replace(/^JSON\.parse: /, '')
    .replace(/,? (in JSON )?at (position|line) .*$/s, '')
    .trim();

/** "line 3, column 14" for the character at `offset`. */
function placeOf(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/**
 * Adds the file's themes and the annotations' theme ids that the database does not know, at
 * the end of its order: with the file's label, description, colour and retired flag where it lists them,
 * else the id as label and a neutral colour. A label already in use gets a number after it.
 * A theme that is only a name (a tag) and names a stored theme, or one added before it, is
 * not added: `storedIds` maps its id in the file to that theme's id.
 */
async function addMissingThemes(db: AnnotatorDb, { themes, annotations, tagThemeIds = [] }: ExportContents) {
  const tagIds = new Set(tagThemeIds);
  const existing = await db.themes.toArray();
  const known = new Set(existing.map((t) => t.id));
  const names = new ThemeNames(existing);
  const listed = new Map(themes.map((t) => [t.id, t]));
  const wanted = [
    ...[...themes].sort((a, b) => a.order - b.order).map((t) => t.id),
    ...annotations.flatMap((a) => a.themes),
  ];
  const labels = existing.map((t) => t.label);
  let order = existing.reduce((max, t) => Math.max(max, t.order + 1), 0);
  const added: Theme[] = [];
  const storedIds = new Map<string, string>();
  for (const id of new Set(wanted)) {
    if (known.has(id)) continue;
    const source = listed.get(id);
    const named = { id, label: source?.label.trim() || id };
    const same = isNameOnly(id, source, tagIds) ? names.find(named) : undefined;
    if (same !== undefined) {
      storedIds.set(id, same);
      continue;
    }
    const label = uniqueLabel(named.label, labels);
    labels.push(label);
    const theme: Theme = {
      id,
      label,
      ...(source?.description !== undefined && { description: source.description }),
      color: source?.color ?? NEUTRAL_THEME_COLOR,
      order: order++,
      retired: source?.retired ?? false,
    };
    added.push(theme);
    known.add(id);
    names.add(theme);
  }
  await db.themes.bulkAdd(added);
  return { newThemes: added.map((t) => t.label), storedIds };
}

/** The annotations with each theme id the file used for a stored theme replaced by that theme's id (once). */
function withStoredThemes(annotations: readonly Annotation[], storedIds: ReadonlyMap<string, string>) {
  if (storedIds.size === 0) return annotations;
  return annotations.map((annotation) => {
    if (!annotation.themes.some((id) => storedIds.has(id))) return annotation;
    const themes = [...new Set(annotation.themes.map((id) => storedIds.get(id) ?? id))];
    return { ...annotation, themes };
  });
}

/** New ids are added; a known id is replaced only by a copy changed later than the stored one. */
async function putAnnotations(db: AnnotatorDb, annotations: readonly Annotation[]) {
  const stored = await db.annotations.bulkGet(annotations.map((a) => a.id));
  const writes: Annotation[] = [];
  let added = 0;
  let updated = 0;
  annotations.forEach((annotation, i) => {
    const current = stored[i];
    if (!current) added++;
    else if (isLater(annotation.updatedAt, current.updatedAt)) updated++;
    else return;
    writes.push(annotation);
  });
  await db.annotations.bulkPut(writes);
  return { added, updated, unchanged: annotations.length - added - updated };
}

/**
 * Creates the file's document records, or merges them with the stored ones: title and
 * details from whichever was changed later (details kept when that one has none), the earlier
 * createdAt and the later updatedAt.
 */
async function putDocuments(db: AnnotatorDb, documents: readonly DocumentRecord[]) {
  const stored = await db.documents.bulkGet(documents.map((d) => d.url));
  await db.documents.bulkPut(documents.map((document, i) => merge(stored[i], document)));
}

function merge(stored: DocumentRecord | undefined, file: DocumentRecord): DocumentRecord {
  if (!stored) return file;
  const [older, newer] = isLater(file.updatedAt, stored.updatedAt) ? [stored, file] : [file, stored];
  const details = newer.details ?? older.details;
  return {
    url: stored.url,
    title: newer.title,
    ...(details && { details }),
    createdAt: isLater(stored.createdAt, file.createdAt) ? file.createdAt : stored.createdAt,
    updatedAt: newer.updatedAt,
  };
}

const isLater = (a: string, b: string) => Date.parse(a) > Date.parse(b);
