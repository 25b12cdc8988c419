// Writing and reading one document's annotations. Every function takes the database first
// and, where it stamps a time, `now` last. Each write is one transaction over the annotation
// and its document record, so a failure leaves nothing half-saved. Document addresses pass
// through documentUrl(), so callers may hand over a page's raw address; a PDF opened from the
// user's disk is addressed `urn:pdf:<fingerprint>`, which documentUrl() leaves as it is.

import { documentUrl } from '../document-url';
import type { Annotation, AnnotationChanges, AnnotationDraft, ReportDetails, Selector, Theme } from '../model';
import type { AnnotatorDb } from './database';
import { byPosition } from './order';
import { checkAnnotation, checkChanges, checkDetails, checkDraft, isWaitingForQuote } from './validate';

export const NOT_FOUND = 'Annotation not found on this page';

/**
 * Saves a new annotation on `url` and creates or renames its document record. A report's
 * `details` replace those on the record; without them the record keeps the ones it has.
 */
export async function createAnnotation(
  db: AnnotatorDb,
  {
    url,
    title,
    draft,
    details,
    id,
  }: { url: string; title: string; draft: AnnotationDraft; details?: ReportDetails; id?: string },
  now: Date = new Date(),
): Promise<Annotation> {
  const doc = requireUrl(url);
  if (id !== undefined && (typeof id !== 'string' || !ANNOTATION_ID.test(id))) {
    throw new Error('The annotation id is not valid');
  }
  return db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    const saved = id === undefined ? undefined : await db.annotations.get(id);
    if (saved) {
      // The same save sent again, its first reply lost (the background was stopped).
      if (saved.url !== doc) throw new Error('The annotation id is used on another page');
      return saved;
    }
    const content = checkDraft(draft, await themeIds(db));
    const cleanDetails = details === undefined ? undefined : checkDetails(details);
    const stamp = now.toISOString();
    const annotation: Annotation = {
      id: id ?? crypto.randomUUID(),
      url: doc,
      ...content,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.annotations.add(annotation);
    await touchDocument(db, doc, title, stamp, cleanDetails);
    return annotation;
  });
}

/** Changes the themes, severity and note of one of `url`'s annotations. */
export async function updateAnnotation(
  db: AnnotatorDb,
  { url, id, changes }: { url: string; id: string; changes: AnnotationChanges },
  now: Date = new Date(),
): Promise<Annotation> {
  const doc = requireUrl(url);
  return db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    const existing = await ownAnnotation(db, doc, id);
    const updated: Annotation = {
      ...existing,
      ...checkChanges(changes, await themeIds(db)),
      updatedAt: now.toISOString(),
    };
    await db.annotations.put(updated);
    await touchDocument(db, doc, undefined, updated.updatedAt);
    return updated;
  });
}

/**
 * Stores the quote the page showed at the position of an imported annotation that had none
 * (see isWaitingForQuote): the quote, and the selectors described from the page. Its date stays:
 * nobody edited it. An annotation that already has its quote is left as it is (null).
 */
export async function completeQuote(
  db: AnnotatorDb,
  { url, id, quote, selectors }: { url: string; id: string; quote: string; selectors: Selector[] },
): Promise<Annotation | null> {
  const doc = requireUrl(url);
  return db.transaction('rw', [db.annotations, db.themes], async () => {
    const existing = await ownAnnotation(db, doc, id);
    if (!isWaitingForQuote(existing.selectors)) return null;
    const completed = checkAnnotation({ ...existing, quote, selectors }, await themeIds(db));
    if (isWaitingForQuote(completed.selectors)) throw new Error('The quote found on the page has no TextQuoteSelector');
    await db.annotations.put(completed);
    return completed;
  });
}

/**
 * Deletes one of `url`'s annotations and returns it (for undo), or null if it is already gone
 * (the same delete sent again, its first reply lost); the last one takes the document record
 * with it.
 */
export async function deleteAnnotation(
  db: AnnotatorDb,
  { url, id }: { url: string; id: string },
): Promise<Annotation | null> {
  const doc = requireUrl(url);
  return db.transaction('rw', [db.annotations, db.documents], async () => {
    if (typeof id === 'string' && id !== '' && !(await db.annotations.get(id))) return null;
    const existing = await ownAnnotation(db, doc, id);
    await db.annotations.delete(existing.id);
    if ((await db.annotations.where('url').equals(doc).count()) === 0) {
      await db.documents.delete(doc);
    }
    return existing;
  });
}

/** Puts back a just-deleted annotation of `url` with its id, dates and citation (undo). */
export async function restoreAnnotation(
  db: AnnotatorDb,
  { url, annotation, title }: { url: string; annotation: Annotation; title?: string },
  now: Date = new Date(),
): Promise<Annotation> {
  const doc = requireUrl(url);
  return db.transaction('rw', [db.annotations, db.documents, db.themes], async () => {
    const restored = checkAnnotation(annotation, await themeIds(db));
    if (restored.url !== doc) throw new Error('The annotation does not belong to this page');
    const current = await db.annotations.get(restored.id);
    if (current && current.url !== doc) throw new Error('The annotation id is used on another page');
    await db.annotations.put(restored);
    await touchDocument(db, doc, title, now.toISOString());
    return restored;
  });
}

/** The annotations of `url`, in reading order (see byPosition). */
export async function annotationsForUrl(db: AnnotatorDb, url: string): Promise<Annotation[]> {
  const annotations = await db.annotations.where('url').equals(documentUrl(url)).toArray();
  return annotations.sort(byPosition);
}

/** Every theme, retired ones too, in picker order. */
export function listThemes(db: AnnotatorDb): Promise<Theme[]> {
  return db.themes.orderBy('order').toArray();
}

/** Ids a sender may choose for a new annotation: a UUID, or any short id of letters, digits and dashes. */
const ANNOTATION_ID = /^[\w-]{1,100}$/;

function requireUrl(url: string): string {
  if (typeof url !== 'string' || url.trim() === '') throw new Error('The document has no address');
  return documentUrl(url);
}

async function themeIds(db: AnnotatorDb): Promise<Set<string>> {
  return new Set(await db.themes.toCollection().primaryKeys());
}

async function ownAnnotation(db: AnnotatorDb, doc: string, id: string): Promise<Annotation> {
  const annotation = typeof id === 'string' && id !== '' ? await db.annotations.get(id) : undefined;
  if (!annotation || annotation.url !== doc) throw new Error(NOT_FOUND);
  return annotation;
}

/** Creates or refreshes the document record: new title and details if given, createdAt kept. */
async function touchDocument(
  db: AnnotatorDb,
  url: string,
  title: string | undefined,
  stamp: string,
  details?: ReportDetails,
) {
  const existing = await db.documents.get(url);
  const keptDetails = details ?? existing?.details;
  await db.documents.put({
    url,
    title: title?.trim() || existing?.title || url,
    ...(keptDetails && { details: keptDetails }),
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
  });
}
