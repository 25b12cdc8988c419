// The dashboard's pictures for the Word briefing: the theme × severity heat map, the
// authority's visits over time (when the export is of one authority) and the comparison of
// two documents (when two are chosen), each as SVG (lib/charts) with its figures as a table.

import { comparisonChart, comparisonSvg, heatMap, heatMapSvg, visitsChart, visitsSvg } from '../charts';
import type { BriefingPicture } from '../export/word/pictures';
import type { Theme } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import type { Comparison } from './compare';
import type { SeverityTable } from './table';
import type { VisitsOverTime } from './visits';

export interface PictureSources {
  table: SeverityTable;
  /** What the table counts ("Devon", "All annotations"). */
  scope: string;
  visits?: VisitsOverTime;
  comparison?: Comparison | null;
  themes: readonly Theme[];
}

/** The pictures, in the order the dashboard shows them; none without annotations. */
export function briefingPictures({
  table,
  scope,
  visits,
  comparison,
  themes,
}: PictureSources): BriefingPicture[] {
  if (table.total === 0) return [];
  const title = `Annotations by theme and severity: ${scope}`;
  const { chart } = heatMap(table, title);
  const pictures: BriefingPicture[] = [
    {
      title,
      svg: heatMapSvg(table, title),
      width: chart.width,
      height: chart.height,
      table: heatMapTable(table),
    },
  ];
  if (visits && visits.visits.length > 0) {
    const c = visitsChart(visits);
    pictures.push({
      title: `Visits over time: ${visits.authority}`,
      svg: visitsSvg(visits),
      width: c.width,
      height: c.height,
      table: visitsTable(visits),
    });
  }
  if (comparison) {
    const c = comparisonChart(comparison, themes);
    pictures.push({
      title: `${comparison.first.title} compared with ${comparison.second.title}`,
      svg: comparisonSvg(comparison, themes),
      width: c.width,
      height: c.height,
      table: comparisonTable(comparison),
    });
  }
  return pictures;
}

function heatMapTable(table: SeverityTable): BriefingPicture['table'] {
  return {
    head: ['Theme', ...table.columns.map((c) => c.label), 'Total'],
    rows: [
      ...table.rows.map((r) => [r.label, ...r.counts.map(String), String(r.total)]),
      ['All annotations', ...table.totals.map(String), String(table.total)],
    ],
  };
}

/** As the chart reads: a row per judgement, a column per visit (oldest first). */
function visitsTable({ visits, judgements }: VisitsOverTime): BriefingPicture['table'] {
  const hasOutcome = visits.some((v) => v.outcome);
  const grade = (v: VisitsOverTime['visits'][number], key: string) => {
    const cell = v.grades.get(key);
    if (!cell) return '';
    return cell.change && cell.change !== 'same' && cell.previous
      ? `${cell.grade} (${cell.change} from ${cell.previous})`
      : cell.grade;
  };
  return {
    head: ['', ...visits.map((v) => `${v.entry.visitType ?? v.entry.title}, ${visitDates(v)}`)],
    rows: [
      ...judgements.map((j) => [j.label, ...visits.map((v) => grade(v, j.key))]),
      ...(hasOutcome ? [['Outcome', ...visits.map((v) => v.outcome ?? '')]] : []),
      ['Annotations', ...visits.map((v) => v.bySeverity.map((s) => `${s.label}: ${s.count}`).join('; '))],
    ],
  };
}

function visitDates(v: VisitsOverTime['visits'][number]): string {
  return v.entry.details?.inspectionDates.text ?? v.entry.date.slice(0, 10);
}

function comparisonTable(c: Comparison): BriefingPicture['table'] {
  const counts = (counts: number[]) =>
    SEVERITY_LEVELS.map((s, i) => [s.label, counts[i] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label}: ${n}`)
      .join('; ');
  return {
    head: ['Theme', c.first.title, c.second.title],
    rows: c.rows.map((r) => [r.label, counts(r.first.counts), counts(r.second.counts)]),
  };
}
