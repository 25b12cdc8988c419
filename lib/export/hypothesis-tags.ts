// What a Hypothesis annotation's tags mean here. Hypothesis has tags only, so a tag either
// gives the severity ("severity:3", or a severity's label such as "Needs improvement") or
// names a theme. Tag themes are made once per name (case and spacing ignored, as
// theme-match.ts compares names): whether a name is one of the user's stored themes is
// decided when the file is imported, against the database.

import { themeKey } from '../db/theme-match';
import { MAX_THEME_LABEL, NEUTRAL_THEME_COLOR, slug, uniqueId } from '../db/themes';
import type { Severity, Theme } from '../model';
import { isSeverity, SEVERITY_LEVELS, UNRATED } from '../taxonomy/severity';

export interface TagMeaning {
  /** The tags that name themes, trimmed, each name once, in the annotation's order. */
  themeTags: string[];
  /** The first severity tag's level; unrated when no tag gives one. */
  severity: Severity;
  /** Severity tags after the first that give another level: kept as themes so nothing is lost. */
  conflicting: number;
}

const SEVERITY_TAG = /^severity\s*:\s*(-?\d+)$/i;

/** The level a tag gives: "severity:N" (N a level) or a level's label; undefined for any other tag. */
export function severityOfTag(tag: string): Severity | undefined {
  const number = SEVERITY_TAG.exec(tag.trim())?.[1];
  if (number !== undefined) {
    const level = Number(number);
    return isSeverity(level) ? level : undefined;
  }
  const key = themeKey(tag);
  return SEVERITY_LEVELS.find((s) => themeKey(s.label) === key)?.level;
}

/** Splits an annotation's tags into the severity and the theme names. */
export function readTags(tags: readonly string[]): TagMeaning {
  let severity: Severity | undefined;
  let conflicting = 0;
  const themeTags: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim();
    const key = themeKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const level = severityOfTag(tag);
    if (level !== undefined && (severity === undefined || severity === level)) {
      severity = level;
      continue;
    }
    if (level !== undefined) conflicting++;
    themeTags.push(tag);
  }
  return { themeTags, severity: severity ?? UNRATED, conflicting };
}

/** The themes a file's tags make, one per name, in order of first use, in the neutral colour. */
export class TagThemes {
  private readonly byKey = new Map<string, Theme>();
  private readonly ids = new Set<string>();
  /** How many names were longer than a theme's label may be, and were cut short. */
  shortened = 0;

  /** The id of the theme `tag` names, made on its first use. */
  idOf(tag: string): string {
    const key = themeKey(tag);
    const known = this.byKey.get(key);
    if (known) return known.id;
    let label = tag.trim();
    if (label.length > MAX_THEME_LABEL) {
      label = label.slice(0, MAX_THEME_LABEL).trim();
      this.shortened++;
    }
    const id = uniqueId(slug(label), this.ids);
    this.ids.add(id);
    const order = this.byKey.size;
    this.byKey.set(key, { id, label, color: NEUTRAL_THEME_COLOR, order, retired: false });
    return id;
  }

  get themes(): Theme[] {
    return [...this.byKey.values()];
  }
}
