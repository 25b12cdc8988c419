// A local authority's visits over time: one column per report or letter, oldest on the left;
// its grades judgement by judgement, coloured by grade with the change since the last visit,
// and its annotations as a bar by severity.

import type { VisitsOverTime } from '../dashboard/visits';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import { line, MUTED, rect, text, textLines, wrapText, type Chart, type Shape } from './scene';
import { toSvgString } from './svg-string';

/** Ofsted's four points, each readable under black text (and always named in words too). */
export const GRADE_FILLS: Record<number, string> = {
  1: '#81c784',
  2: '#c5e1a5',
  3: '#ffcc80',
  4: '#ef9a9a',
};
export const UNRANKED_FILL = '#e0e0e0';
const GRADE_NAMES: Record<number, string> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};
export const CHANGE_MARK = { improved: '↑', declined: '↓', same: '=' } as const;

const LABEL_W = 180;
const COL_W = 150;
const HEAD = 64;
const ROW_H = 46;
const BAR_ROW = 62;
const FOOT = 84;
const PAD = 6;
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** "2020-01-20" → "January 2020". */
function monthYear(day: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(day);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`.trim() : day;
}

export function visitsChart({ authority, visits, judgements }: VisitsOverTime): Chart {
  const hasOutcome = visits.some((v) => v.outcome);
  const rows = judgements.length + (hasOutcome ? 1 : 0);
  const width = Math.max(660, LABEL_W + visits.length * COL_W);
  const barsTop = HEAD + rows * ROW_H;
  const height = barsTop + BAR_ROW + FOOT;
  const most = Math.max(1, ...visits.map((v) => v.bySeverity.reduce((s, b) => s + b.count, 0)));
  const shapes: Shape[] = [];
  const rowLabel = (y: number, h: number, label: string) => {
    const lines = wrapText(label, 24, 2);
    shapes.push(
      ...textLines(0, y + h / 2 + 5 - ((lines.length - 1) * 15) / 2, lines, 15, { size: 13, bold: true }),
    );
  };

  visits.forEach((visit, i) => {
    const x = LABEL_W + i * COL_W;
    const kind = wrapText(visit.entry.visitType ?? 'Report', 20, 2);
    shapes.push(...textLines(x + COL_W / 2, 18, kind, 15, { anchor: 'middle', size: 12, bold: true }));
    shapes.push(
      text(
        x + COL_W / 2,
        18 + kind.length * 15 + 2,
        monthYear(visit.entry.details?.inspectionDates.start ?? visit.entry.date),
        {
          anchor: 'middle',
          size: 12,
          fill: MUTED,
        },
      ),
    );
  });
  shapes.push(line(0, HEAD - 4, width, HEAD - 4));

  judgements.forEach((j, r) => {
    const y = HEAD + r * ROW_H;
    rowLabel(y, ROW_H, j.label);
    visits.forEach((visit, i) => {
      const x = LABEL_W + i * COL_W + PAD / 2;
      const cell = visit.grades.get(j.key);
      if (!cell) {
        shapes.push(
          text(x + (COL_W - PAD) / 2, y + ROW_H / 2 + 5, '—', { anchor: 'middle', size: 13, fill: MUTED }),
        );
        return;
      }
      shapes.push(
        rect(x, y + 3, COL_W - PAD, ROW_H - 6, cell.rank ? GRADE_FILLS[cell.rank]! : UNRANKED_FILL, {
          rx: 4,
        }),
      );
      const mark = cell.change && cell.previous !== undefined ? CHANGE_MARK[cell.change] : '';
      const lines = wrapText(cell.grade, mark ? 17 : 20, 2);
      const top = y + ROW_H / 2 + 5 - ((lines.length - 1) * 14) / 2;
      shapes.push(...textLines(x + 6, top, lines, 14, { size: 12 }));
      if (mark)
        shapes.push(
          text(x + COL_W - PAD - 8, y + ROW_H / 2 + 6, mark, { anchor: 'end', size: 17, bold: true }),
        );
    });
  });

  if (hasOutcome) {
    const y = HEAD + judgements.length * ROW_H;
    rowLabel(y, ROW_H, 'Outcome');
    visits.forEach((visit, i) => {
      if (!visit.outcome) return;
      const lines = wrapText(visit.outcome, 20, 2);
      shapes.push(
        ...textLines(LABEL_W + i * COL_W + 6, y + ROW_H / 2 + 5 - ((lines.length - 1) * 14) / 2, lines, 14, {
          size: 12,
        }),
      );
    });
  }

  shapes.push(line(0, barsTop + 2, width, barsTop + 2));
  rowLabel(barsTop + 4, 40, 'Annotations by severity');
  visits.forEach((visit, i) => {
    const x0 = LABEL_W + i * COL_W + PAD / 2;
    const span = COL_W - PAD - 4;
    const total = visit.bySeverity.reduce((s, b) => s + b.count, 0);
    let x = x0;
    for (const part of visit.bySeverity) {
      const w = (part.count / most) * span;
      const color = SEVERITY_LEVELS.find((s) => s.level === part.level)?.color ?? '#e0e0e0';
      shapes.push(rect(x, barsTop + 12, w, 24, color));
      if (w >= 16)
        shapes.push(
          text(x + w / 2, barsTop + 29, String(part.count), { anchor: 'middle', size: 12, bold: true }),
        );
      x += w;
    }
    shapes.push(
      text(
        x0,
        barsTop + 52,
        total === 0 ? 'No annotations' : `${total} annotation${total === 1 ? '' : 's'}`,
        {
          size: 12,
          fill: MUTED,
        },
      ),
    );
  });

  // Legend: grades, then severities.
  const legendY = barsTop + BAR_ROW + 14;
  let lx = 0;
  for (const rank of [1, 2, 3, 4]) {
    shapes.push(rect(lx, legendY - 10, 12, 12, GRADE_FILLS[rank]!, { rx: 2 }));
    shapes.push(text(lx + 16, legendY, GRADE_NAMES[rank]!, { size: 12 }));
    lx += 26 + GRADE_NAMES[rank]!.length * 6.6;
  }
  shapes.push(
    text(0, legendY + 20, '↑ better, ↓ worse, = the same grade as at the last visit', {
      size: 12,
      fill: MUTED,
    }),
  );
  lx = 0;
  for (const s of SEVERITY_LEVELS.filter((s) => s.level >= 0)) {
    shapes.push(rect(lx, legendY + 32, 12, 12, s.color, { rx: 2 }));
    shapes.push(text(lx + 16, legendY + 42, s.label, { size: 12 }));
    lx += 28 + s.label.length * 6.4;
  }

  return {
    width,
    height,
    title: `Visits over time: ${authority}`,
    desc: 'Each report and letter oldest first, with its grades judgement by judgement and its annotations by severity.',
    shapes,
  };
}

/** The visits picture as a standalone SVG document (briefing exports). */
export function visitsSvg(visits: VisitsOverTime): string {
  return toSvgString(visitsChart(visits));
}
