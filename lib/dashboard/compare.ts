// Two documents side by side (e.g. an authority's 2020 and 2025 reports), theme by theme.

import type { Annotation, Theme } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import type { DashboardIndex, DocumentEntry } from './documents';
import { NO_THEME } from './filter';
import { themeSeverityTable, UNKNOWN_THEME } from './table';

export interface CompareSide {
  /** One count per severity, highest first (SEVERITY_LEVELS). */
  counts: number[];
  total: number;
  /** Highest severity first, reading order within a severity. */
  annotations: Annotation[];
}

export interface CompareRow {
  key: string;
  label: string;
  color?: string;
  first: CompareSide;
  second: CompareSide;
}

export interface Comparison {
  first: DocumentEntry;
  second: DocumentEntry;
  /** Themes that occur in either document, in picker order; then unknown; then "No theme". */
  rows: CompareRow[];
  /** Each document's annotations per severity, each counted once. */
  totals: { first: number[]; second: number[] };
}

const EMPTY: CompareSide = { counts: SEVERITY_LEVELS.map(() => 0), total: 0, annotations: [] };

/** Every annotation of each document, theme by theme; null unless both documents are known. */
export function compareDocuments(
  index: DashboardIndex,
  themes: readonly Theme[],
  firstUrl: string,
  secondUrl: string,
): Comparison | null {
  const first = index.documents.get(firstUrl);
  const second = index.documents.get(secondUrl);
  if (!first || !second) return null;
  const a = index.byDocument.get(firstUrl) ?? [];
  const b = index.byDocument.get(secondUrl) ?? [];
  const tableA = themeSeverityTable(a, themes, { everyColumn: true });
  const tableB = themeSeverityTable(b, themes, { everyColumn: true });
  const sidesA = sides(a, tableA.rows, themes);
  const sidesB = sides(b, tableB.rows, themes);

  // Row order: the tables' own order (themes in picker order, then unknown, then none).
  const order = new Map<string, number>();
  [...themes].sort((x, y) => x.order - y.order).forEach((t, i) => order.set(t.id, i));
  order.set(UNKNOWN_THEME, order.size);
  order.set(NO_THEME, order.size);
  const labels = new Map([...tableA.rows, ...tableB.rows].map((r) => [r.key, r]));
  const rows = [...labels.values()]
    .sort((x, y) => order.get(x.key)! - order.get(y.key)!)
    .map(({ key, label, color }) => ({
      key,
      label,
      ...(color && { color }),
      first: sidesA.get(key) ?? EMPTY,
      second: sidesB.get(key) ?? EMPTY,
    }));
  return { first, second, rows, totals: { first: tableA.totals, second: tableB.totals } };
}

/** Each row's counts and annotations for one document. */
function sides(
  annotations: readonly Annotation[],
  rows: ReadonlyArray<{ key: string; counts: number[]; total: number }>,
  themes: readonly Theme[],
): Map<string, CompareSide> {
  const known = new Set(themes.map((t) => t.id));
  const lists = new Map<string, Annotation[]>();
  const add = (key: string, a: Annotation) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(a);
  };
  for (const a of annotations) {
    if (a.themes.length === 0) add(NO_THEME, a);
    if (a.themes.some((id) => !known.has(id))) add(UNKNOWN_THEME, a);
    for (const id of a.themes) if (known.has(id)) add(id, a);
  }
  const out = new Map<string, CompareSide>();
  for (const row of rows) {
    // Array.prototype.sort is stable: reading order stays within a severity.
    const list = (lists.get(row.key) ?? []).sort((x, y) => y.severity - x.severity);
    out.set(row.key, { counts: row.counts, total: row.total, annotations: list });
  }
  return out;
}
