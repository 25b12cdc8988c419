// The dashboard's pictures as Markdown tables for the briefing: themes by severity (the heat
// map) and each local authority's visits over time (when it has two or more). Markdown has no
// pictures of its own; the tables hold the same numbers.

import { indexData } from '../dashboard/documents';
import { themeSeverityTable } from '../dashboard/table';
import {
  authoritiesWithReports,
  visitsOverTime,
  type GradeCell,
  type VisitsOverTime,
} from '../dashboard/visits';
import type { BriefingInput } from './briefing-input';

type Escape = (text: string) => string;

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const header = (cells: readonly string[]) => [row(cells), row(cells.map(() => '---'))].join('\n');

/** Themes (rows) by severity (columns) with totals, as the dashboard's heat map counts them. */
export function heatMapMarkdown(input: BriefingInput, escape: Escape): string[] {
  const table = themeSeverityTable(input.annotations, input.themes);
  if (table.total === 0) return [];
  const lines = [
    header(['Theme', ...table.columns.map((s) => s.label), 'Total']),
    ...table.rows.map((r) => row([escape(r.label), ...r.counts.map(String), String(r.total)])),
    row(['**All annotations**', ...table.totals.map((n) => `**${n}**`), `**${table.total}**`]),
  ];
  return [
    '## Themes by severity',
    lines.join('\n'),
    'A passage with several themes counts under each of them; “All annotations” counts it once.',
  ];
}

const CHANGE = { improved: '↑', declined: '↓', same: '=' } as const;

function gradeText(cell: GradeCell | undefined, escape: Escape): string {
  if (!cell) return '—';
  const grade = escape(cell.grade);
  if (!cell.change || cell.previous === undefined) return grade;
  return cell.change === 'same'
    ? `${grade} = (as at the last visit)`
    : `${grade} ${CHANGE[cell.change]} (${cell.change} from ${escape(cell.previous)})`;
}

/** One authority's visits, oldest first: kind and dates, grades by judgement, annotations by severity. */
export function visitsMarkdown({ visits, judgements }: VisitsOverTime, escape: Escape): string {
  const hasOutcome = visits.some((v) => v.outcome);
  return [
    header([
      'Visit',
      ...judgements.map((j) => escape(j.label)),
      ...(hasOutcome ? ['Outcome'] : []),
      'Annotations',
    ]),
    ...visits.map((v) =>
      row([
        `${escape(v.entry.visitType ?? '')}, ${escape(v.entry.details!.inspectionDates.text || v.entry.details!.inspectionDates.start)}`,
        ...judgements.map((j) => gradeText(v.grades.get(j.key), escape)),
        ...(hasOutcome ? [v.outcome ? escape(v.outcome) : ''] : []),
        v.bySeverity.length === 0
          ? 'none'
          : v.bySeverity.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', '),
      ]),
    ),
  ].join('\n');
}

/** "Visits over time" for each local authority with two or more annotated reports or letters. */
export function visitsSectionMarkdown(input: BriefingInput, escape: Escape): string[] {
  const index = indexData(input);
  const all = authoritiesWithReports(index)
    .map((name) => visitsOverTime(index, name))
    .filter((v) => v.visits.length >= 2);
  if (all.length === 0) return [];
  return [
    '## Visits over time',
    ...all.flatMap((v) => [`### ${escape(v.authority)}: oldest first`, visitsMarkdown(v, escape)]),
  ];
}
