// Which stored theme a theme named in an imported file stands for. Other tools name themes by
// their tags ("Front door and thresholds", "front-door", "QA data"), so a theme that came
// with no record of its own is matched by its label or id against the stored themes' labels
// and ids, with case and spacing ignored. A theme a file lists with its colour (the native
// export, or our own W3C export) is the user's own record of it and matches by exact id only.

import type { Theme } from '../model';

/**
 * A name compared with case, white space, hyphens and underscores ignored:
 * "Front Door", "front-door" and "front_door" are the same name.
 */
export function themeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_]+/gu, '');
}

/**
 * Whether a file's theme is only a name: an id no theme of the file lists, or one its reader
 * made from a tag (ExportContents.tagThemeIds).
 */
export function isNameOnly(id: string, listed: Theme | undefined, tagThemeIds: ReadonlySet<string>): boolean {
  return listed === undefined || tagThemeIds.has(id);
}

/** Looks up stored themes by the key of their labels and ids; themes added later join in. */
export class ThemeNames {
  private readonly byKey = new Map<string, string>();

  constructor(themes: readonly Theme[]) {
    // Ids first, so that a label that happens to read like another theme's id does not win.
    for (const { id } of themes) this.remember(id, id);
    for (const { id, label } of themes) this.remember(label, id);
  }

  /** The id of the stored theme whose label or id is `theme`'s label or id (ignoring case and spacing). */
  find(theme: Pick<Theme, 'id' | 'label'>): string | undefined {
    return this.byKey.get(themeKey(theme.label)) ?? this.byKey.get(themeKey(theme.id));
  }

  add({ id, label }: Pick<Theme, 'id' | 'label'>): void {
    this.remember(id, id);
    this.remember(label, id);
  }

  private remember(name: string, id: string): void {
    const key = themeKey(name);
    if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, id);
  }
}
