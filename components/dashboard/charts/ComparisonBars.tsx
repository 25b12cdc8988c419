import { useMemo } from 'preact/hooks';
import { comparisonChart, pairDocuments } from '../../../lib/charts/comparison-chart';
import type { Comparison } from '../../../lib/dashboard/compare';
import type { Theme } from '../../../lib/model';
import { SEVERITY_LEVELS } from '../../../lib/taxonomy/severity';
import { ChartFigure } from './ChartFigure';
import { Shapes, SVG_FONT } from './Shapes';

export interface ComparisonBarsProps {
  comparison: Comparison;
  themes: Theme[];
}

/** Paired bars per theme, older document above newer, split by severity; the counts as a table. */
export function ComparisonBars({ comparison: c, themes }: ComparisonBarsProps) {
  const chart = useMemo(() => comparisonChart(c, themes), [c, themes]);
  const pair = pairDocuments(c);
  if (c.rows.length === 0) return null;
  // Severities either document uses: the table's columns.
  const used = SEVERITY_LEVELS.map((s, i) => ({ s, i })).filter(
    ({ i }) => c.totals.first[i] || c.totals.second[i],
  );
  const sides = (row: Comparison['rows'][number]) =>
    pair.olderFirst
      ? [
          [pair.olderTag, pair.older.title, row.first],
          [pair.newerTag, pair.newer.title, row.second],
        ]
      : [
          [pair.olderTag, pair.older.title, row.second],
          [pair.newerTag, pair.newer.title, row.first],
        ];
  const table = (
    <div class="table-scroll">
      <table class="counts-grid compare-bars-table">
        <caption>Counts by severity for each theme, older document first</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col">Document</th>
            {used.map(({ s }) => (
              <th scope="col" key={s.level}>
                {s.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        {c.rows.map((row) => (
          <tbody key={row.key}>
            {sides(row).map(([tag, title, side], j) => {
              const data = side as Comparison['rows'][number]['first'];
              return (
                <tr key={j}>
                  {j === 0 && (
                    <th scope="rowgroup" rowSpan={2}>
                      {row.label}
                    </th>
                  )}
                  <th scope="row">
                    {tag as string}: {title as string}
                  </th>
                  {used.map(({ i }) => (
                    <td key={i}>{data.counts[i] ?? 0}</td>
                  ))}
                  <td class="total">{data.total}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
  return (
    <ChartFigure
      class="compare-picture"
      caption={`Annotations per theme by severity: ${pair.olderTag} above, ${pair.newerTag} below`}
      table={table}
    >
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        style={{ maxWidth: `${chart.width}px` }}
        role="img"
        aria-label={chart.title}
        font-family={SVG_FONT}
      >
        <title>{chart.title}</title>
        <Shapes shapes={chart.shapes} />
      </svg>
    </ChartFigure>
  );
}
