// A picture as plain data: rectangles, text and lines in a viewBox. The dashboard draws it
// with Preact (components/dashboard/charts) and the exports write it with toSvgString.

export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  stroke?: string;
  rx?: number;
}

export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  fill?: string;
}

export interface LineShape {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  width?: number;
}

export type Shape = RectShape | TextShape | LineShape;

export interface Chart {
  width: number;
  height: number;
  /** The picture's accessible name (the SVG's <title>). */
  title: string;
  /** What it shows, in a sentence (the SVG's <desc>). */
  desc?: string;
  shapes: Shape[];
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TEXT = '#1a1a1a';
export const MUTED = '#595959';
export const RULE = '#c4c8cf';

export const rect = (
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  more: Partial<RectShape> = {},
): RectShape => ({
  kind: 'rect',
  x,
  y,
  w,
  h,
  fill,
  ...more,
});

export const text = (x: number, y: number, value: string, more: Partial<TextShape> = {}): TextShape => ({
  kind: 'text',
  x,
  y,
  text: value,
  ...more,
});

export const line = (x1: number, y1: number, x2: number, y2: number, stroke = RULE): LineShape => ({
  kind: 'line',
  x1,
  y1,
  x2,
  y2,
  stroke,
});

/** Text lines one under another, starting at y. */
export function textLines(
  x: number,
  y: number,
  lines: string[],
  lineHeight: number,
  more: Partial<TextShape> = {},
): TextShape[] {
  return lines.map((l, i) => text(x, y + i * lineHeight, l, more));
}

/**
 * Words into at most `maxLines` lines of about `maxChars` characters (the SVG cannot wrap
 * text itself); what does not fit ends with "…". The full text is always in the table.
 */
export function wrapText(value: string, maxChars: number, maxLines = 2): string[] {
  const words = value.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= maxChars || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines
    .slice(0, maxLines)
    .map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = `${last.slice(0, Math.max(1, maxChars - 1)).replace(/[\s,;:.…]+$/, '')}…`;
  }
  return kept;
}

/** A colour safe to write into an attribute: #rgb / #rrggbb (/ with alpha), else the fallback. */
export function safeColor(value: string | undefined, fallback = '#9e9e9e'): string {
  return value && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : fallback;
}
