// Heat map fills: each severity's own colour, lighter for fewer annotations and deeper for
// more, with the count's text in black or white, whichever reads better (≥ 4.5:1).

import type { Severity } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import { mix, PAPER } from './colour';

/** The deepest shade of each severity (its highlight colour is the middle of the scale). */
const DEEP: Record<number, string> = {
  4: '#b71c1c',
  3: '#e65100',
  2: '#f9a825',
  1: '#1b5e20',
  0: '#01579b',
  [-1]: '#424242',
};

export const EMPTY_FILL = PAPER;
export const EMPTY_STROKE = '#c4c8cf';

/** The fill for `count` of a severity, where the busiest cell holds `max`. */
export function shadeFor(level: Severity, count: number, max: number): string {
  if (count <= 0 || max <= 0) return EMPTY_FILL;
  const base = SEVERITY_LEVELS.find((s) => s.level === level)?.color ?? '#e0e0e0';
  const deep = DEEP[level] ?? '#424242';
  const light = mix(PAPER, base, 0.45);
  // Square root: a few big counts should not wash every small one out.
  const t = Math.sqrt(Math.min(1, count / max));
  return t <= 0.5 ? mix(light, base, t / 0.5) : mix(base, deep, (t - 0.5) / 0.5);
}
