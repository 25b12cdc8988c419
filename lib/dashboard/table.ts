// The theme × severity count table, and a description of what it counts.

import type { Annotation, Theme } from '../model';
import { SEVERITY_LEVELS, UNRATED, type SeverityLevel } from '../taxonomy/severity';
import type { DashboardIndex } from './documents';
import { isFiltering, NO_FILTER, NO_THEME, searchWords, type DashboardFilter } from './filter';

export const UNKNOWN_THEME = '?unknown';

export interface TableRow {
  /** A theme id, UNKNOWN_THEME or NO_THEME. */
  key: string;
  label: string;
  color?: string;
  /** One count per column (SEVERITY_LEVELS, highest first). */
  counts: number[];
  total: number;
}

export interface SeverityTable {
  columns: readonly SeverityLevel[];
  /** Themes in their picker order (those that occur), then "Unknown theme", then "No theme". */
  rows: TableRow[];
  /** Annotations per severity, each counted once however many themes it has. */
  totals: number[];
  /** Annotations counted. */
  total: number;
}

const column = new Map(SEVERITY_LEVELS.map((s, i) => [s.level as number, i]));

/** Counts per theme and severity; an annotation counts once under each of its themes. */
export function themeSeverityTable(
  annotations: readonly Annotation[],
  themes: readonly Theme[],
  { everyColumn = false } = {},
): SeverityTable {
  const width = SEVERITY_LEVELS.length;
  const byTheme = new Map<string, number[]>();
  const totals = new Array<number>(width).fill(0);
  const known = new Map(themes.map((t) => [t.id, t]));
  const bump = (key: string, col: number) => {
    let counts = byTheme.get(key);
    if (!counts) byTheme.set(key, (counts = new Array<number>(width).fill(0)));
    counts[col]! += 1;
  };
  for (const a of annotations) {
    const col = column.get(a.severity);
    if (col === undefined) continue;
    totals[col]! += 1;
    if (a.themes.length === 0) bump(NO_THEME, col);
    let unknownCounted = false;
    for (const id of a.themes) {
      if (known.has(id)) bump(id, col);
      else if (!unknownCounted) {
        unknownCounted = true;
        bump(UNKNOWN_THEME, col);
      }
    }
  }
  const row = (key: string, label: string, color?: string): TableRow => {
    const counts = byTheme.get(key)!;
    return { key, label, ...(color && { color }), counts, total: sum(counts) };
  };
  const rows = [...themes]
    .sort((a, b) => a.order - b.order)
    .filter((t) => byTheme.has(t.id))
    .map((t) => row(t.id, t.label, t.color));
  if (byTheme.has(UNKNOWN_THEME)) rows.push(row(UNKNOWN_THEME, 'Unknown theme'));
  if (byTheme.has(NO_THEME)) rows.push(row(NO_THEME, 'No theme'));
  const table = { columns: SEVERITY_LEVELS, rows, totals, total: sum(totals) };
  return everyColumn ? table : withoutEmptyUnrated(table);
}

/** The "Unrated" column shows only when something is unrated (imports from other tools). */
function withoutEmptyUnrated(table: SeverityTable): SeverityTable {
  const col = column.get(UNRATED)!;
  if (table.totals[col]! > 0) return table;
  const drop = <T,>(list: readonly T[]) => list.filter((_, i) => i !== col);
  return {
    ...table,
    columns: drop(table.columns),
    rows: table.rows.map((row) => ({ ...row, counts: drop(row.counts) })),
    totals: drop(table.totals),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, n) => s + n, 0);
}

export type ScopeKind = 'all' | 'document' | 'authority' | 'site' | 'filter';

export interface Scope {
  kind: ScopeKind;
  /** "All annotations", a document's title, a local authority or site, or "Filtered annotations". */
  label: string;
}

/**
 * What the filter amounts to: everything; one document; every document of one local
 * authority or one site; or some other filter.
 */
export function describeScope(f: DashboardFilter, index: DashboardIndex): Scope {
  if (!isFiltering(f)) return { kind: 'all', label: 'All annotations' };
  const onlyPlaces =
    searchWords(f.text).length === 0 &&
    f.themes.length === 0 &&
    f.severities.length === 0 &&
    f.from === NO_FILTER.from &&
    f.to === NO_FILTER.to;
  if (onlyPlaces && f.sites.length === 0 && f.documents.length > 0) {
    const chosen = new Set(f.documents);
    if (chosen.size === 1) {
      const entry = index.documents.get(f.documents[0]!);
      if (entry) return { kind: 'document', label: entry.title };
    }
    const group = index.groups.find(
      (g) => g.documents.length === chosen.size && g.documents.every((d) => chosen.has(d.url)),
    );
    if (group && group.kind !== 'local')
      return { kind: group.kind === 'authority' ? 'authority' : 'site', label: group.name };
  }
  if (onlyPlaces && f.documents.length === 0 && f.sites.length === 1)
    return { kind: 'site', label: f.sites[0]! };
  return { kind: 'filter', label: 'Filtered annotations' };
}
