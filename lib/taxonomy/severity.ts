import type { Severity } from '../model';

export interface SeverityLevel {
  level: Severity;
  label: string;
  /** Highlight colour, chosen to stay readable under black text. */
  color: string;
}

/** Highest first, as briefings list them. */
export const SEVERITY_LEVELS: readonly SeverityLevel[] = [
  { level: 4, label: 'Serious concern', color: '#ff8a80' },
  { level: 3, label: 'Needs improvement', color: '#ffcc80' },
  { level: 2, label: 'Improving, not yet embedded', color: '#fff176' },
  { level: 1, label: 'Strength', color: '#a5d6a7' },
  { level: 0, label: 'Context', color: '#b3e5fc' },
  // Not a finding level: what an import from a tool with no severity brings (never "Context").
  { level: -1, label: 'Unrated', color: '#e0e0e0' },
];

/** The severity of an annotation nobody has rated yet. */
export const UNRATED: Severity = -1;

export const DEFAULT_SEVERITY: Severity = 3;

export function severityLabel(level: Severity): string {
  return SEVERITY_LEVELS.find((s) => s.level === level)?.label ?? String(level);
}

export function isSeverity(value: unknown): value is Severity {
  return SEVERITY_LEVELS.some((s) => s.level === value);
}
