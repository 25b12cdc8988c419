import type { Scope, SeverityTable as Table } from '../../lib/dashboard/table';
import { countLabel } from '../text';

export interface SeverityTableProps {
  table: Table;
  /** What the table counts: everything, a document, a local authority or site, or the filter. */
  scope: Scope;
}

const SCOPE_PREFIX: Record<Scope['kind'], string> = {
  all: '',
  document: 'Document: ',
  authority: 'Local authority: ',
  site: 'Site: ',
  filter: '',
};

/** "Themes by severity — Local authority: Devon (12 annotations)". */
export function tableCaption(scope: Scope, total: number): string {
  return `Themes by severity — ${SCOPE_PREFIX[scope.kind]}${scope.label} (${countLabel(total)})`;
}

/** Counts per theme (rows) and severity (columns, highest first), with totals. */
export function SeverityTable({ table, scope }: SeverityTableProps) {
  const caption = tableCaption(scope, table.total);
  if (table.total === 0) {
    return (
      <section class="severity-table">
        <h2>{caption}</h2>
        <p class="empty">No annotations to count.</p>
      </section>
    );
  }
  return (
    <section class="severity-table">
      <table class="counts-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            {table.columns.map((s) => (
              <th scope="col" key={s.level}>
                <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.color && <span class="swatch" style={{ background: row.color }} aria-hidden="true" />}
                {row.label}
              </th>
              {row.counts.map((n, i) => (
                <td key={i} class={n === 0 ? 'zero' : undefined}>
                  {n}
                </td>
              ))}
              <td class="total">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All annotations</th>
            {table.totals.map((n, i) => (
              <td key={i}>{n}</td>
            ))}
            <td class="total">{table.total}</td>
          </tr>
        </tfoot>
      </table>
      <p class="hint">
        An annotation with several themes counts under each of them; “All annotations” counts it once.
      </p>
    </section>
  );
}
