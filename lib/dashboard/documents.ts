// The dashboard's index of everything in the database: documents grouped by local authority
// (or by site for web pages), and each document's annotations in reading order. Built in one
// pass over the annotations whenever the data changes; every view derives from it.

import { byPosition } from '../db/order';
import type { Annotation, DocumentRecord, ReportDetails, Theme, VisitType, Person } from '../model';

/** Everything the dashboard shows, as read from the database in one transaction. */
export interface DashboardData {
  annotations: Annotation[];
  documents: DocumentRecord[];
  themes: Theme[];
}

export type GroupKind = 'authority' | 'site' | 'local';

export interface DocumentEntry {
  url: string;
  /** The record's title; the address when the record is missing or has none. */
  title: string;
  /** The address's host name ("www.devonlive.com"); '' for a PDF from this computer. */
  site: string;
  details?: ReportDetails;
  visitType?: VisitType;
  /** What the document is sorted by: the inspection's last day, else the first annotation's time. */
  date: string;
  dateKind: 'inspection' | 'annotated';
  /** A PDF (opened in the extension's viewer) rather than a web page. */
  pdf: boolean;
  count: number;
  groupKey: string;
}

export interface DocumentGroup {
  key: string;
  /** The local authority, the site's host name, or "PDF files on this computer". */
  name: string;
  kind: GroupKind;
  /** Newest first. */
  documents: DocumentEntry[];
  /** Annotations over the group's documents. */
  count: number;
}

export interface DashboardIndex {
  /** Ordered by name. */
  groups: DocumentGroup[];
  /** Every document, in the order the groups list them. */
  documents: Map<string, DocumentEntry>;
  /** Each document's annotations, in reading order. */
  byDocument: Map<string, Annotation[]>;
  /** Every annotation: documents in the groups' order, reading order within each. */
  ordered: Annotation[];
  /** Host names of the documents, sorted. */
  sites: string[];
  /** The team space members who wrote annotations here, by name. */
  authors: Person[];
  records: Map<string, DocumentRecord>;
}

export const LOCAL_FILES = 'PDF files on this computer';

const OFSTED_FILE = /^https:\/\/files(\.api)?\.ofsted\.gov\.uk\/v1\/file\//;

/** The address's host name, or '' when it has none (urn:pdf:…, a broken address). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function looksLikePdf(url: string): boolean {
  if (url.startsWith('urn:pdf:') || OFSTED_FILE.test(url)) return true;
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Orders names as a reader expects: case and accents aside, numbers by value. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Groups, documents and annotations of `data`, each in display order. */
export function indexData({ annotations, documents }: DashboardData): DashboardIndex {
  const records = new Map(documents.map((d) => [d.url, d]));
  const byDocument = new Map<string, Annotation[]>();
  const firstAnnotated = new Map<string, string>();
  const cited = new Set<string>();
  const authors = new Map<string, Person>();
  for (const a of annotations) {
    if (a.author) authors.set(a.author.user, a.author);
    let list = byDocument.get(a.url);
    if (!list) byDocument.set(a.url, (list = []));
    list.push(a);
    const first = firstAnnotated.get(a.url);
    if (first === undefined || a.createdAt < first) firstAnnotated.set(a.url, a.createdAt);
    if (a.citation) cited.add(a.url);
  }
  for (const list of byDocument.values()) list.sort(byPosition);

  const urls = new Set<string>([...records.keys(), ...byDocument.keys()]);
  const groups = new Map<string, DocumentGroup>();
  const sites = new Set<string>();
  for (const url of urls) {
    const record = records.get(url);
    const details = record?.details;
    const site = siteOf(url);
    if (site) sites.add(site);
    const [kind, name]: [GroupKind, string] = details?.localAuthority
      ? ['authority', details.localAuthority]
      : site
        ? ['site', site]
        : ['local', LOCAL_FILES];
    const groupKey = `${kind}:${name}`;
    const inspected = details?.inspectionDates.end;
    const entry: DocumentEntry = {
      url,
      title: record?.title || url,
      site,
      ...(details && { details, visitType: details.visitType }),
      date: inspected || firstAnnotated.get(url) || record?.createdAt || '',
      dateKind: inspected ? 'inspection' : 'annotated',
      pdf: details !== undefined || cited.has(url) || looksLikePdf(url),
      count: byDocument.get(url)?.length ?? 0,
      groupKey,
    };
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { key: groupKey, name, kind, documents: [], count: 0 }));
    group.documents.push(entry);
    group.count += entry.count;
  }

  const ordered = [...groups.values()].sort(
    (a, b) => compareNames(a.name, b.name) || compareNames(a.kind, b.kind),
  );
  const index = new Map<string, DocumentEntry>();
  const all: Annotation[] = [];
  for (const group of ordered) {
    group.documents.sort(newestFirst);
    for (const entry of group.documents) {
      index.set(entry.url, entry);
      const list = byDocument.get(entry.url);
      if (list) for (const a of list) all.push(a);
    }
  }
  return {
    groups: ordered,
    documents: index,
    byDocument,
    ordered: all,
    sites: [...sites].sort(compareNames),
    authors: [...authors.values()].sort((a, b) => compareNames(a.name || a.user, b.name || b.user)),
    records,
  };
}

/** Newest first by day (an inspection's last day or the first annotation's), then by title. */
function newestFirst(a: DocumentEntry, b: DocumentEntry): number {
  const dayA = a.date.slice(0, 10);
  const dayB = b.date.slice(0, 10);
  if (dayA !== dayB) return dayA < dayB ? 1 : -1;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return compareNames(a.title, b.title) || (a.url < b.url ? -1 : 1);
}
