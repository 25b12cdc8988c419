// Reads for the popup and dashboard. Plain async functions: the pages wrap them in liveQuery.

import type { Annotation } from '../model';
import type { AnnotatorDb } from './database';

export interface PageSummary {
  url: string;
  title: string;
  count: number;
  updatedAt: string;
}

export interface SearchHit {
  annotation: Annotation;
  /** The annotation's document's title (its address if the record is missing). */
  title: string;
}

/** Every annotated document with its number of annotations, most recently changed first. */
export async function pageSummaries(db: AnnotatorDb): Promise<PageSummary[]> {
  return db.transaction('r', [db.annotations, db.documents], async () => {
    const documents = await db.documents.orderBy('updatedAt').reverse().toArray();
    const counts = new Map<string, number>();
    for (const url of await db.annotations.orderBy('url').keys()) {
      counts.set(String(url), (counts.get(String(url)) ?? 0) + 1);
    }
    return documents.map(({ url, title, updatedAt }) => ({
      url,
      title,
      count: counts.get(url) ?? 0,
      updatedAt,
    }));
  });
}

/**
 * Annotations whose quote or note contains every word of `query` (case-insensitive, words
 * anywhere, in any order), most recently changed first. A blank query finds nothing.
 */
export async function searchAnnotations(db: AnnotatorDb, query: string): Promise<SearchHit[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return db.transaction('r', [db.annotations, db.documents], async () => {
    const matches = await db.annotations
      .orderBy('updatedAt')
      .reverse()
      .filter((a) => {
        const text = `${a.quote}\n${a.note}`.toLowerCase();
        return words.every((word) => text.includes(word));
      })
      .toArray();
    const urls = [...new Set(matches.map((a) => a.url))];
    const documents = await db.documents.bulkGet(urls);
    const titles = new Map(documents.flatMap((d) => (d ? [[d.url, d.title] as const] : [])));
    return matches.map((annotation) => ({
      annotation,
      title: titles.get(annotation.url) ?? annotation.url,
    }));
  });
}
