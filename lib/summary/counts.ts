import type { Annotation, Theme } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';

/** One line of a count table. */
export interface CountRow {
  key: string;
  label: string;
  color?: string;
  count: number;
}

/** Counts per theme (an annotation counts once for each of its themes), most first. */
export function countByTheme(annotations: readonly Annotation[], themes: readonly Theme[]): CountRow[] {
  const rows: CountRow[] = [];
  for (const theme of [...themes].sort((a, b) => a.order - b.order)) {
    const count = annotations.filter((a) => a.themes.includes(theme.id)).length;
    if (count > 0) rows.push({ key: theme.id, label: theme.label, color: theme.color, count });
  }
  const known = new Set(themes.map((t) => t.id));
  const unknown = annotations.filter((a) => a.themes.some((id) => !known.has(id))).length;
  if (unknown > 0) rows.push({ key: '?unknown', label: 'Unknown theme', count: unknown });
  const none = annotations.filter((a) => a.themes.length === 0).length;
  if (none > 0) rows.push({ key: '?none', label: 'No theme', count: none });
  return rows.sort((a, b) => b.count - a.count);
}

/** Counts per severity level, highest level first, levels in use only. */
export function countBySeverity(annotations: readonly Annotation[]): CountRow[] {
  return SEVERITY_LEVELS.map((s) => ({
    key: String(s.level),
    label: s.label,
    color: s.color,
    count: annotations.filter((a) => a.severity === s.level).length,
  })).filter((r) => r.count > 0);
}
