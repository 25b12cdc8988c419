import type { Annotation, Theme } from '../lib/model';
import { SEVERITY_LEVELS } from '../lib/taxonomy/severity';

interface Row {
  key: string;
  label: string;
  color?: string;
  count: number;
}

/** Counts per theme (an annotation counts once for each of its themes), most first. */
export function countByTheme(annotations: readonly Annotation[], themes: readonly Theme[]): Row[] {
  const rows: Row[] = [];
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
export function countBySeverity(annotations: readonly Annotation[]): Row[] {
  return SEVERITY_LEVELS.map((s) => ({
    key: String(s.level),
    label: s.label,
    color: s.color,
    count: annotations.filter((a) => a.severity === s.level).length,
  })).filter((r) => r.count > 0);
}

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: Row[] }) {
  return (
    <table class="counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Annotations</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              {r.color && <span class="swatch" style={{ background: r.color }} aria-hidden="true" />}
              {r.label}
            </th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PageCounts({ annotations, themes }: { annotations: Annotation[]; themes: Theme[] }) {
  return (
    <div class="page-counts">
      <CountTable caption="By severity" heading="Severity" rows={countBySeverity(annotations)} />
      <CountTable caption="By theme" heading="Theme" rows={countByTheme(annotations, themes)} />
    </div>
  );
}
