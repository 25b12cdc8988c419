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
import { count, fileSize, ofTotal } from '../progress';
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

/** A step of an import, and how far it has got (`done` of `total`, in its own unit). */
export interface ImportProgress {
  /** Reading the file (bytes), parsing it (bytes), checking it and writing it (annotations). */
  phase: 'reading' | 'parsing' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Called as each step starts and, while writing, after each batch. */
  onProgress?(progress: ImportProgress): void;
  /**
   * Stops the import at the next step or batch. Everything is written in one transaction,
   * so a cancelled import changes nothing; it rejects with ImportCancelled.
   */
  signal?: AbortSignal;
}

export const IMPORT_CANCELLED = 'Import cancelled: nothing was changed.';
/** The label of an imported theme whose file gives it neither a label nor an id with any letters. */
export const UNNAMED_THEME = 'Unnamed theme';

/** The rejection of a cancelled import: the database is as it was. */
export class ImportCancelled extends Error {
  constructor() {
    super(IMPORT_CANCELLED);
    this.name = 'ImportCancelled';
  }
}

/** The progress in words: "Reading the file (16.5 MB)…", "Importing 4,000 of 10,000 annotations…". */
export function describeImportProgress({ phase, done, total }: ImportProgress): string {
  switch (phase) {
    case 'reading':
    case 'parsing':
      return `Reading the file (${fileSize(total)})…`;
    case 'checking':
      return total > 0 ? `Checking ${count(total)} annotation${total === 1 ? '' : 's'}…` : 'Checking the file…';
    case 'writing':
      return ofTotal('Importing', { done, total });
  }
}

/** Annotations written per request: progress is reported, and a cancel noticed, between batches. */
export const IMPORT_BATCH = 1000;

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}

/** Lets the page paint the progress and take a click on Cancel (outside any transaction). */
const yieldToPage = () => new Promise<void>((resume) => setTimeout(resume, 0));

/** Reads, checks and imports a file the user chose (a File, or anything with its size and text). */
export async function importFile(
  db: AnnotatorDb,
  file: { size: number; text(): Promise<string> },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { onProgress, signal } = options;
  if (file.size > MAX_IMPORT_BYTES) throw new Error(TOO_LARGE);
  stopIfCancelled(signal);
  onProgress?.({ phase: 'reading', done: 0, total: file.size });
  const text = await file.text();
  if (onProgress) {
    onProgress({ phase: 'parsing', done: 0, total: file.size });
    await yieldToPage();
  }
  stopIfCancelled(signal);
  const json = parseJson(text);
  if (onProgress) {
    onProgress({ phase: 'checking', done: 0, total: countAnnotations(json) });
    await yieldToPage();
  }
  stopIfCancelled(signal);
  const contents = readAnyExport(json);
  if (onProgress) {
    onProgress({ phase: 'writing', done: 0, total: contents.annotations.length });
    await yieldToPage();
  }
  return importContents(db, contents, options);
}

/** How many annotations a parsed file seems to hold, before it is checked (for the progress only). */
function countAnnotations(json: unknown): number {
  if (Array.isArray(json)) return json.length;
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    for (const key of ['annotations', 'rows', 'items', 'first']) {
      const list = record[key];
      if (Array.isArray(list)) return list.length;
      if (list && typeof list === 'object' && Array.isArray((list as { items?: unknown }).items))
        return (list as { items: unknown[] }).items.length;
    }
  }
  return 0;
}

/**
 * Writes checked file contents into the database in one transaction: cancelling (`signal`)
 * aborts it, and nothing is written.
 */
export async function importContents(
  db: AnnotatorDb,
  contents: ExportContents,
  { onProgress, signal }: ImportOptions = {},
): Promise<ImportResult> {
  stopIfCancelled(signal);
  return db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    const { newThemes, storedIds } = await addMissingThemes(db, contents);
    const counts = await putAnnotations(db, withStoredThemes(contents.annotations, storedIds), (done) => {
      stopIfCancelled(signal);
      onProgress?.({ phase: 'writing', done, total: contents.annotations.length });
    });
    await putDocuments(db, contents.documents);
    stopIfCancelled(signal);
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
    const named = { id, label: source?.label.trim() || id.trim() || UNNAMED_THEME };
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

/**
 * New ids are added; a known id is replaced only by a copy changed later than the stored one.
 * Written in batches of IMPORT_BATCH; `afterBatch` hears how many of the file's annotations
 * are done (and may throw to abort the transaction).
 */
async function putAnnotations(
  db: AnnotatorDb,
  annotations: readonly Annotation[],
  afterBatch: (done: number) => void,
) {
  let added = 0;
  let updated = 0;
  // One read of the stored ids (getAllKeys), so only ids already stored are read record by
  // record: into an empty database, nothing is.
  const storedIds = new Set(annotations.length > 0 ? await db.annotations.toCollection().primaryKeys() : []);
  for (let start = 0; start < annotations.length; start += IMPORT_BATCH) {
    const batch = annotations.slice(start, start + IMPORT_BATCH);
    const known = batch.filter((a) => storedIds.has(a.id));
    const found = known.length > 0 ? await db.annotations.bulkGet(known.map((a) => a.id)) : [];
    const byId = new Map(known.map((a, i) => [a.id, found[i]]));
    const stored = batch.map((a) => byId.get(a.id));
    const writes: Annotation[] = [];
    batch.forEach((annotation, i) => {
      const current = stored[i];
      if (!current) added++;
      else if (isLater(annotation.updatedAt, current.updatedAt)) updated++;
      else return;
      writes.push(annotation);
    });
    if (writes.length > 0) await db.annotations.bulkPut(writes);
    afterBatch(start + batch.length);
  }
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
