// Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) into the model's
// objects: a lone Annotation, a list of them, an AnnotationPage, or an AnnotationCollection
// (read-w3c-items.ts). Each annotation gives one annotation of the model per passage of text it
// targets (read-w3c-annotation.ts, with read-w3c-target.ts and read-w3c-selectors.ts for the
// passages, read-w3c-body.ts for themes, severity and note, read-w3c-dates.ts for dates).
// What cannot come across is skipped with its place and reason, and the rest is read; what the
// reader had to decide becomes notes (read-w3c-log.ts). It only reads: putting them in the
// database is the importer's job. Refused with a message: a file that is not W3C annotations,
// extension properties it cannot read, and a file of which nothing at all can be imported.
//
// The extension's own W3C export (w3c.ts, whose header describes it) adds properties that
// give back everything the native export holds (read-w3c-extension.ts): the collection's
// themes, the severity level, the stored quote, the citation and the document's record.
// Without them (files from other tools) themes are made from the tags, the severity is read
// from its label (unrated without one), the quote is the TextQuoteSelector's exact text (or
// waits for the page when there is only a position) and a document is titled by its address.

import { readNamingPlace } from '../db/field-error';
import { isRecord } from '../db/validate';
import { NEUTRAL_THEME_COLOR } from '../db/themes';
import type { Theme } from '../model';
import { documentRecords, type ExportContents, type Skipped } from './read';
import { readW3cAnnotation, type W3cItem } from './read-w3c-annotation';
import { readExtensionFormat } from './read-w3c-extension';
import { annotationsIn } from './read-w3c-items';
import { hasType } from './read-w3c-json';
import { W3cReadLog } from './read-w3c-log';

export { stableUuid } from './stable-uuid';

/** Whether the parsed file looks like W3C Web Annotations (its context, or an Annotation, AnnotationPage or AnnotationCollection type). */
export function isW3cAnnotations(json: unknown): boolean {
  // A list is looked into once, not recursively: a file may nest lists deeper than the stack.
  const first: unknown = Array.isArray(json) ? json[0] : json;
  if (!isRecord(first)) return false;
  return (
    Object.hasOwn(first, '@context') ||
    ['Annotation', 'AnnotationPage', 'AnnotationCollection'].some((type) => hasType(first, type))
  );
}

/**
 * The contents of a W3C Web Annotation file, with what was skipped and the reader's notes.
 * Throws an Error naming the problem when nothing can be imported.
 */
export function readW3cCollection(json: unknown, { now = new Date() }: { now?: Date } = {}): ExportContents {
  return readNamingPlace(() => readContents(json, now.toISOString()));
}

function readContents(json: unknown, importTime: string): ExportContents {
  const { themes: listedThemes, positionsInUtf16 } = isRecord(json)
    ? readExtensionFormat(json)
    : { themes: [], positionsInUtf16: false };
  const log = new W3cReadLog();
  const { entries, fileTime } = annotationsIn(json, log);
  const context = { fileTime, importTime, positionsInUtf16, log };
  const items = entries.flatMap(([place, item]) => readW3cAnnotation(item, place, context));
  if (items.length === 0 && log.skipped.length > 0) throw new Error(nothingImported(log));
  const themes = themesOf(listedThemes, items);
  const listed = new Set(listedThemes.map((t) => t.id));
  return {
    themes,
    tagThemeIds: themes.filter((t) => !listed.has(t.id)).map((t) => t.id),
    annotations: items.map((item) => item.annotation),
    documents: documentRecords(items),
    skipped: log.skipped,
    notes: log.notes(),
  };
}

/** Why nothing came across: the one problem with its place, or each reason counted with its first place. */
function nothingImported({ skipped, sentences }: W3cReadLog): string {
  if (sentences.length === 1) return sentences[0]!;
  const byReason = new Map<string, Skipped[]>();
  for (const skip of skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
  const reasons = [...byReason].map(([reason, [first, ...more]]) => {
    const at =
      first!.place === ''
        ? ''
        : more.length === 0
          ? ` (at ${first!.place})`
          : ` (the first at ${first!.place})`;
    return `${more.length + 1} ${reason}${at}`;
  });
  return `Nothing in this file can be imported: ${reasons.join('; ')}`;
}

/**
 * The collection's listed themes, then each theme the tags name that it does not list, in
 * order of first use, labelled as first tagged, in a neutral colour.
 */
function themesOf(listedThemes: readonly Theme[], items: readonly W3cItem[]): Theme[] {
  const themes = new Map(listedThemes.map((t) => [t.id, t]));
  let order = listedThemes.reduce((max, t) => Math.max(max, t.order + 1), 0);
  for (const { id, label } of items.flatMap((item) => item.tags)) {
    if (!themes.has(id)) {
      themes.set(id, { id, label, color: NEUTRAL_THEME_COLOR, order: order++, retired: false });
    }
  }
  return [...themes.values()];
}
