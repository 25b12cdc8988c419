// The dashboard's filter: every kind narrows the annotations (all kinds must match); within a
// kind, any of the chosen values will do.

import type { Annotation, Severity } from '../model';
import type { DashboardIndex, DocumentEntry } from './documents';

/**
 * Which date the from/to range applies to: the day the annotation was made (the user's local
 * day), or the inspection's dates (reports only: the visit's days overlap the range).
 */
export type DateField = 'annotated' | 'inspected';

export interface DashboardFilter {
  /** Words that must all occur in the quote or the note (case-insensitive, any order). */
  text: string;
  /** Theme ids, any of; NO_THEME stands for annotations without a theme. */
  themes: string[];
  severities: Severity[];
  /** Document addresses, any of. */
  documents: string[];
  /** Host names, any of. */
  sites: string[];
  /** Team space user names, any of; MINE stands for the user's own (written here, or by them in the space). */
  authors: string[];
  dateField: DateField;
  /** First and last day, yyyy-mm-dd, inclusive; '' leaves that end open. */
  from: string;
  to: string;
}

export const NO_THEME = '?none';
export const MINE = '?mine';

export const NO_FILTER: DashboardFilter = {
  text: '',
  themes: [],
  severities: [],
  documents: [],
  sites: [],
  authors: [],
  dateField: 'annotated',
  from: '',
  to: '',
};

/** The words of a search, lower-cased. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the filter leaves anything out. */
export function isFiltering(f: DashboardFilter): boolean {
  return (
    searchWords(f.text).length > 0 ||
    f.themes.length > 0 ||
    f.severities.length > 0 ||
    f.documents.length > 0 ||
    f.sites.length > 0 ||
    f.authors.length > 0 ||
    f.from !== '' ||
    f.to !== ''
  );
}

/** The local day (yyyy-mm-dd) of an ISO time. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A test for one annotation; the checks cheapest to fail come first. */
export function compileFilter(
  f: DashboardFilter,
  documents: ReadonlyMap<string, DocumentEntry>,
  /** The user's name in the connected team space, if any: MINE also takes what they wrote there. */
  me?: string,
): (a: Annotation) => boolean {
  const authors = new Set(f.authors);
  const mine = authors.has(MINE);
  const words = searchWords(f.text);
  const themes = new Set(f.themes);
  const noTheme = themes.has(NO_THEME);
  const severities = new Set<number>(f.severities);
  const docs = new Set(f.documents);
  const sites = new Set(f.sites);
  const { from, to } = f;
  const dated = from !== '' || to !== '';
  return (a) => {
    if (docs.size > 0 && !docs.has(a.url)) return false;
    if (severities.size > 0 && !severities.has(a.severity)) return false;
    if (themes.size > 0 && !(a.themes.some((id) => themes.has(id)) || (noTheme && a.themes.length === 0)))
      return false;
    if (sites.size > 0 && !sites.has(documents.get(a.url)?.site ?? '')) return false;
    if (authors.size > 0) {
      const user = a.author?.user;
      const isMine = user === undefined || user === me;
      if (!((mine && isMine) || (user !== undefined && authors.has(user)))) return false;
    }
    if (dated) {
      if (f.dateField === 'annotated') {
        const day = localDay(a.createdAt);
        if ((from && day < from) || (to && day > to)) return false;
      } else {
        const dates = documents.get(a.url)?.details?.inspectionDates;
        if (!dates) return false;
        if ((from && dates.end < from) || (to && dates.start > to)) return false;
      }
    }
    if (words.length > 0) {
      const text = `${a.quote}\n${a.note}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  };
}

/** The annotations the filter lets through, in the index's order. */
export function filterAnnotations(index: DashboardIndex, f: DashboardFilter, me?: string): Annotation[] {
  if (!isFiltering(f)) return index.ordered;
  const test = compileFilter(f, index.documents, me);
  // With a documents filter, only those documents' annotations need testing.
  if (f.documents.length > 0) {
    const chosen = new Set(f.documents);
    const out: Annotation[] = [];
    for (const url of index.documents.keys()) {
      if (!chosen.has(url)) continue;
      for (const a of index.byDocument.get(url) ?? []) if (test(a)) out.push(a);
    }
    return out;
  }
  return index.ordered.filter(test);
}
