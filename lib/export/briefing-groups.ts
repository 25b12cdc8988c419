// How the briefings (Markdown and Word) group their findings: a section per theme, and within
// it the quotes by severity, highest first, so concerns lead and strengths follow.

import type { Annotation } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import { inDocumentOrder, themeLabeller, type BriefingInput } from './briefing-input';

export const NO_THEME = 'No theme';

export interface ThemeGroup {
  /** The theme's label, its id when it has no theme, or NO_THEME. */
  heading: string;
  /** In document and reading order. */
  annotations: Annotation[];
}

export interface SeverityGroup {
  label: string;
  annotations: Annotation[];
}

/** One group per theme in use (theme order, unknown ids after), then "No theme". */
export function themeGroups(input: BriefingInput): ThemeGroup[] {
  const label = themeLabeller(input.themes);
  const ordered = inDocumentOrder(input);
  const known = [...input.themes].sort((a, b) => a.order - b.order).map((t) => t.id);
  const used = new Set(ordered.flatMap((a) => a.themes));
  const themeIds = [...new Set([...known.filter((id) => used.has(id)), ...used])];
  const groups = themeIds.map((id) => ({
    heading: label(id),
    annotations: ordered.filter((a) => a.themes.includes(id)),
  }));
  const unthemed = ordered.filter((a) => a.themes.length === 0);
  if (unthemed.length) groups.push({ heading: NO_THEME, annotations: unthemed });
  return groups;
}

/** Highest severity first, so concerns lead and strengths follow in the same theme; empty levels left out. */
export function severityGroups(annotations: readonly Annotation[]): SeverityGroup[] {
  return SEVERITY_LEVELS.map(({ level, label }) => ({
    label,
    annotations: annotations.filter((a) => a.severity === level),
  })).filter((group) => group.annotations.length > 0);
}
