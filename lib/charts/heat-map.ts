// The theme × severity heat map: one cell per theme and severity, shaded by its count, with
// the count written in every cell (0 included).

import type { Severity } from '../model';
import type { SeverityTable } from '../dashboard/table';
import { UNKNOWN_THEME } from '../dashboard/table';
import { textOn } from './colour';
import { EMPTY_FILL, EMPTY_STROKE, shadeFor } from './severity-shades';
import { line, MUTED, rect, safeColor, text, textLines, wrapText, type Chart, type Shape } from './scene';
import { toSvgString } from './svg-string';

export interface HeatCell {
  /** The row's key: a theme id, NO_THEME or UNKNOWN_THEME. */
  theme: string;
  themeLabel: string;
  level: Severity;
  severityLabel: string;
  count: number;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  textColor: string;
  /** Whether the filter can narrow to it (an unknown theme id cannot be chosen). */
  filterable: boolean;
}

export interface HeatMap {
  /** Axes, labels and totals; the cells are drawn from `cells`. */
  chart: Chart;
  cells: HeatCell[];
}

const LABEL_W = 210;
const COL_W = 92;
const TOTAL_W = 58;
const HEAD = 52;
const ROW_H = 40;
const GAP = 2;
const FOOT = 30;

/** "Neglect, Serious concern: 4 annotations". */
export function cellName(cell: Pick<HeatCell, 'themeLabel' | 'severityLabel' | 'count'>): string {
  return `${cell.themeLabel}, ${cell.severityLabel}: ${cell.count} ${cell.count === 1 ? 'annotation' : 'annotations'}`;
}

export function heatMap(table: SeverityTable, title: string): HeatMap {
  const max = Math.max(0, ...table.rows.flatMap((r) => r.counts));
  const cols = table.columns.length;
  const width = LABEL_W + cols * COL_W + TOTAL_W;
  const height = HEAD + table.rows.length * ROW_H + FOOT;
  const shapes: Shape[] = [];
  table.columns.forEach((s, i) => {
    const x = LABEL_W + i * COL_W;
    shapes.push(rect(x + GAP, 4, COL_W - 2 * GAP, 6, s.color, { rx: 2 }));
    shapes.push(
      ...textLines(x + COL_W / 2, 26, wrapText(s.label, 14, 2), 14, {
        anchor: 'middle',
        size: 12,
        bold: true,
      }),
    );
  });
  shapes.push(
    text(LABEL_W + cols * COL_W + TOTAL_W / 2, 26, 'Total', { anchor: 'middle', size: 12, bold: true }),
  );
  shapes.push(line(0, HEAD - 2, width, HEAD - 2));
  const cells: HeatCell[] = [];
  table.rows.forEach((row, r) => {
    const y = HEAD + r * ROW_H;
    const lines = wrapText(row.label, 28, 2);
    const top = y + ROW_H / 2 + 5 - ((lines.length - 1) * 15) / 2;
    if (row.color) shapes.push(rect(2, y + ROW_H / 2 - 5, 10, 10, safeColor(row.color), { rx: 2 }));
    shapes.push(...textLines(18, top, lines, 15, { size: 13 }));
    row.counts.forEach((count, c) => {
      const s = table.columns[c]!;
      const fill = shadeFor(s.level, count, max);
      cells.push({
        theme: row.key,
        themeLabel: row.label,
        level: s.level,
        severityLabel: s.label,
        count,
        x: LABEL_W + c * COL_W + GAP,
        y: y + GAP,
        w: COL_W - 2 * GAP,
        h: ROW_H - 2 * GAP,
        fill,
        textColor: count === 0 ? MUTED : textOn(fill),
        filterable: row.key !== UNKNOWN_THEME,
      });
    });
    shapes.push(
      text(LABEL_W + cols * COL_W + TOTAL_W / 2, y + ROW_H / 2 + 5, String(row.total), {
        anchor: 'middle',
        size: 13,
        bold: true,
      }),
    );
  });
  shapes.push(
    text(
      0,
      height - 10,
      'Darker cells hold more annotations. A passage with several themes counts under each.',
      {
        size: 12,
        fill: MUTED,
      },
    ),
  );
  return {
    chart: {
      width,
      height,
      title: `Heat map: ${title}`,
      desc: 'Annotations per theme (rows) and severity (columns), each cell shaded by its count.',
      shapes,
    },
    cells,
  };
}

/** A cell's own shapes: its square and its count. */
export function cellShapes(cell: HeatCell): Shape[] {
  return [
    rect(cell.x, cell.y, cell.w, cell.h, cell.fill, {
      rx: 3,
      ...(cell.fill === EMPTY_FILL && { stroke: EMPTY_STROKE }),
    }),
    text(cell.x + cell.w / 2, cell.y + cell.h / 2 + 5, String(cell.count), {
      anchor: 'middle',
      size: 15,
      bold: cell.count > 0,
      fill: cell.textColor,
    }),
  ];
}

/** The heat map as a standalone SVG document (briefing exports). */
export function heatMapSvg(table: SeverityTable, title: string): string {
  const { chart, cells } = heatMap(table, title);
  return toSvgString({ ...chart, shapes: [...chart.shapes, ...cells.flatMap(cellShapes)] });
}
