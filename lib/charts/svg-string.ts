// A chart as a standalone SVG document, for the briefing exports (HTML, Word). Every text
// and attribute value is escaped; colours are checked before they are written.

import { escapeXml } from './escape';
import { FONT, safeColor, TEXT, type Chart, type Shape } from './scene';

/** A number as an attribute: finite, at most two decimals. */
function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0';
}

function shapeString(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(Math.max(0, s.w))}" height="${num(Math.max(0, s.h))}" fill="${safeColor(s.fill)}"${
        s.stroke ? ` stroke="${safeColor(s.stroke)}"` : ''
      }${s.rx ? ` rx="${num(s.rx)}"` : ''}/>`;
    case 'line':
      return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="${safeColor(s.stroke)}" stroke-width="${num(s.width ?? 1)}"/>`;
    case 'text':
      return `<text x="${num(s.x)}" y="${num(s.y)}"${s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''} font-size="${num(
        s.size ?? 13,
      )}"${s.bold ? ' font-weight="bold"' : ''} fill="${safeColor(s.fill, TEXT)}">${escapeXml(s.text)}</text>`;
  }
}

/** `<svg xmlns=… viewBox=… role="img"><title>…</title>…</svg>`, standalone. */
export function toSvgString(chart: Chart): string {
  const { width, height } = chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(
      height,
    )}" role="img" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    ...(chart.desc ? [`<desc>${escapeXml(chart.desc)}</desc>`] : []),
    `<rect x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    ...chart.shapes.map(shapeString),
    '</svg>',
  ].join('\n');
}
