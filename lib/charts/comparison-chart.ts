// Two documents compared theme by theme: for each theme a pair of bars, the older document's
// above the newer's, each split by severity with its counts.

import type { Comparison, CompareSide } from '../dashboard/compare';
import type { DocumentEntry } from '../dashboard/documents';
import type { Theme } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import { line, MUTED, rect, safeColor, text, textLines, wrapText, type Chart, type Shape } from './scene';
import { toSvgString } from './svg-string';

const LABEL_W = 200;
const TAG_W = 52;
const BAR_W = 340;
const TOTAL_W = 44;
const BAR_H = 17;
const ROW_H = 52;
const HEAD = 50;
const FOOT = 34;

export interface PairedDocuments {
  older: DocumentEntry;
  newer: DocumentEntry;
  /** Short names for the two bars: the years, or "Older" and "Newer" when they are the same. */
  olderTag: string;
  newerTag: string;
  /** Whether the older document is the comparison's first. */
  olderFirst: boolean;
}

function dayOf(entry: DocumentEntry): string {
  return entry.details?.inspectionDates.start || entry.date;
}

/** Which of the two documents is older (by inspection, else by first annotation). */
export function pairDocuments(c: Comparison): PairedDocuments {
  const olderFirst = dayOf(c.first) <= dayOf(c.second);
  const [older, newer] = olderFirst ? [c.first, c.second] : [c.second, c.first];
  const [a, b] = [dayOf(older).slice(0, 4), dayOf(newer).slice(0, 4)];
  const years = /^\d{4}$/.test(a) && /^\d{4}$/.test(b) && a !== b;
  return { older, newer, olderFirst, olderTag: years ? a : 'Older', newerTag: years ? b : 'Newer' };
}

export function comparisonChart(c: Comparison, themes: readonly Theme[]): Chart {
  const pair = pairDocuments(c);
  const labels = new Map(themes.map((t) => [t.id, t.label]));
  const width = LABEL_W + TAG_W + BAR_W + TOTAL_W;
  const height = HEAD + c.rows.length * ROW_H + FOOT;
  const most = Math.max(1, ...c.rows.flatMap((r) => [r.first.total, r.second.total]));
  const unit = BAR_W / most;
  const shapes: Shape[] = [];
  const describe = (tag: string, entry: DocumentEntry) => `${tag}: ${wrapText(entry.title, 70, 1)[0] ?? ''}`;
  shapes.push(text(0, 16, `Upper bar — ${describe(pair.olderTag, pair.older)}`, { size: 12 }));
  shapes.push(text(0, 34, `Lower bar — ${describe(pair.newerTag, pair.newer)}`, { size: 12 }));
  shapes.push(line(0, HEAD - 6, width, HEAD - 6));

  const bar = (side: CompareSide, y: number, tag: string) => {
    const x0 = LABEL_W + TAG_W;
    shapes.push(text(x0 - 6, y + BAR_H - 4, tag, { anchor: 'end', size: 11, fill: MUTED }));
    let x = x0;
    SEVERITY_LEVELS.forEach((s, i) => {
      const n = side.counts[i] ?? 0;
      if (!n) return;
      const w = n * unit;
      shapes.push(rect(x, y, w, BAR_H, s.color));
      if (w >= 16)
        shapes.push(text(x + w / 2, y + BAR_H - 4, String(n), { anchor: 'middle', size: 11, bold: true }));
      x += w;
    });
    shapes.push(
      text(side.total ? x + 6 : x0, y + BAR_H - 4, side.total ? String(side.total) : 'none', {
        size: 12,
        bold: side.total > 0,
        fill: side.total ? undefined : MUTED,
      }),
    );
  };

  c.rows.forEach((row, r) => {
    const y = HEAD + r * ROW_H;
    const label = wrapText(labels.get(row.key) ?? row.label, 27, 2);
    if (row.color) shapes.push(rect(0, y + ROW_H / 2 - 7, 10, 10, safeColor(row.color), { rx: 2 }));
    shapes.push(...textLines(16, y + ROW_H / 2 + 2 - ((label.length - 1) * 15) / 2, label, 15, { size: 13 }));
    const [olderSide, newerSide] = pair.olderFirst ? [row.first, row.second] : [row.second, row.first];
    bar(olderSide, y + 6, pair.olderTag);
    bar(newerSide, y + 8 + BAR_H, pair.newerTag);
    if (r > 0) shapes.push(line(0, y, width, y, '#e3e5e8'));
  });

  let lx = 0;
  const legendY = height - 12;
  const used = SEVERITY_LEVELS.filter((_, i) => c.totals.first[i] || c.totals.second[i]);
  for (const s of used) {
    shapes.push(rect(lx, legendY - 10, 12, 12, s.color, { rx: 2 }));
    shapes.push(text(lx + 16, legendY, s.label, { size: 12 }));
    lx += 28 + s.label.length * 6.4;
  }

  return {
    width,
    height,
    title: `Annotations per theme by severity: ${pair.older.title} against ${pair.newer.title}`,
    desc: 'For each theme, the older document’s bar above the newer’s, each split by severity.',
    shapes,
  };
}

/** The comparison as a standalone SVG document (briefing exports). */
export function comparisonSvg(comparison: Comparison, themes: readonly Theme[]): string {
  return toSvgString(comparisonChart(comparison, themes));
}
