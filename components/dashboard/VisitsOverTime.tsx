import { useMemo, useState } from 'preact/hooks';
import { visitsChart } from '../../lib/charts/visits-chart';
import type { DashboardIndex } from '../../lib/dashboard/documents';
import { formatDay } from '../../lib/dashboard/format';
import { authoritiesWithReports, visitsOverTime, type GradeCell } from '../../lib/dashboard/visits';
import { ChartFigure } from './charts/ChartFigure';
import { Shapes, SVG_FONT } from './charts/Shapes';
import { useAfterFirstPaint } from './progressive';

export interface VisitsOverTimeProps {
  index: DashboardIndex;
  /** The authority to show first: the one the filter is about, when it is about one. */
  preferred?: string;
}

const CHANGE_MARK = { improved: '↑', declined: '↓', same: '=' } as const;

/**
 * A local authority's annotated reports and letters in date order, with their kind, their
 * grades judgement by judgement and how each moved since the last visit that graded it, and
 * the annotations on each by severity: "has it improved since the last visit?" at a glance.
 */
export function VisitsOverTimeSection({ index, preferred }: VisitsOverTimeProps) {
  const authorities = useMemo(() => authoritiesWithReports(index), [index]);
  const [picked, setPicked] = useState<string | null>(null);
  const authority = [picked, preferred].find((name) => name && authorities.includes(name)) ?? authorities[0];
  // Below the first screen: drawn just after the page's first paint.
  const painted = useAfterFirstPaint();
  // Recomputed only when the data or the authority changes, not on every change of filter.
  const data = useMemo(
    () => (authority && painted ? visitsOverTime(index, authority) : null),
    [index, authority, painted],
  );
  const chart = useMemo(() => data && visitsChart(data), [data]);
  if (!authority || !data || !chart) return null;
  const { visits, judgements } = data;
  const hasOutcome = visits.some((v) => v.outcome);
  return (
    <section class="visits-over-time" aria-labelledby="visits-over-time">
      <h2 id="visits-over-time">Visits over time</h2>
      {authorities.length > 1 && (
        <label class="visits-authority">
          Local authority{' '}
          <select value={authority} onChange={(e) => setPicked(e.currentTarget.value)}>
            {authorities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ChartFigure
        class="visits-picture"
        caption={`${authority}: grades and annotations at each visit, oldest first`}
        table={
          <div class="table-scroll">
            <table class="visits-grid">
              <caption>
                {authority}:{' '}
                {visits.length === 1 ? '1 report or letter' : `${visits.length} reports and letters`}, oldest
                first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Visit</th>
                  {judgements.map((j) => (
                    <th scope="col" key={j.key}>
                      {j.label}
                    </th>
                  ))}
                  {hasOutcome && <th scope="col">Outcome</th>}
                  <th scope="col">Annotations</th>
                </tr>
              </thead>
              <tbody>
                {visits.map(({ entry, grades, outcome, bySeverity }) => (
                  <tr key={entry.url}>
                    <th scope="row">
                      <span class="visit-kind">{entry.visitType}</span>
                      <span class="visit-dates">{visitDates(entry.details!.inspectionDates)}</span>
                    </th>
                    {judgements.map((j) => (
                      <Grade key={j.key} cell={grades.get(j.key)} />
                    ))}
                    {hasOutcome && <td>{outcome ?? ''}</td>}
                    <td class="visit-counts">
                      {bySeverity.length === 0
                        ? 'none'
                        : bySeverity.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
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
    </section>
  );
}

function Grade({ cell }: { cell: GradeCell | undefined }) {
  if (!cell) return <td class="grade none">—</td>;
  const change = cell.change && cell.previous !== undefined && (
    <span class={`grade-change ${cell.change}`}>
      <span aria-hidden="true"> {CHANGE_MARK[cell.change]}</span>
      <span class="visually-hidden">
        {cell.change === 'same' ? ` (as at the last visit)` : ` (${cell.change} from ${cell.previous})`}
      </span>
    </span>
  );
  return (
    <td
      class={`grade${cell.rank ? ` rank-${cell.rank}` : ''}`}
      title={cell.previous !== undefined ? `Last visit: ${cell.previous}` : undefined}
    >
      {cell.grade}
      {change}
    </td>
  );
}

/** "13 to 24 May 2024 (from 2024-05-13)": as printed, which reads best. */
function visitDates(dates: { text: string; start: string }): string {
  return dates.text || formatDay(dates.start);
}
