import type { Annotation, Theme } from '../lib/model';
import { countBySeverity, countByTheme, type CountRow } from '../lib/summary/counts';

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: CountRow[] }) {
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
