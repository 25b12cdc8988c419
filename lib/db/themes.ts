// Managing the themes: add, rename, recolour, reorder, retire, restore and delete. Every
// function takes the database first and runs in one transaction, so a failure changes
// nothing. Annotations store theme ids, so renaming, recolouring and retiring leave them as
// they are; a retired theme leaves the picker but stays on its annotations and in exports.
// Labels are unique (compared trimmed and case-insensitively), non-empty and at most
// MAX_THEME_LABEL characters; colours are written #rrggbb.

import type { Theme } from '../model';
import { DEFAULT_THEMES } from '../taxonomy/themes';
import type { AnnotatorDb } from './database';

export const MAX_THEME_LABEL = 120;
export const MAX_THEME_DESCRIPTION = 400;
/** The colour of a theme that comes with no colour of its own (e.g. from an import). */
export const NEUTRAL_THEME_COLOR = '#757575';

const COLOR = /^#[0-9a-f]{6}$/i;

/** Adds an active theme at the end of the order; its id is a slug of its label, made unique. */
export async function addTheme(
  db: AnnotatorDb,
  { label, color, description = '' }: { label: string; color: string; description?: string },
) {
  return db.transaction('rw', db.themes, async () => {
    const themes = await db.themes.toArray();
    const theme: Theme = {
      id: uniqueId(slug(label), new Set(themes.map((t) => t.id))),
      label: checkLabel(label, themes),
      ...(description.trim() && { description: checkDescription(description) }),
      color: checkColor(color),
      order: nextOrder(themes),
      retired: false,
    };
    await db.themes.add(theme);
    return theme;
  });
}

export async function renameTheme(db: AnnotatorDb, id: string, label: string): Promise<Theme> {
  return db.transaction('rw', db.themes, async () => {
    const themes = await db.themes.toArray();
    const theme = find(themes, id);
    return save(db, { ...theme, label: checkLabel(label, themes, id) });
  });
}

/** Says what a theme covers, in the user's words: suggestions read it. */
export async function describeTheme(db: AnnotatorDb, id: string, description: string): Promise<Theme> {
  return db.transaction('rw', db.themes, async () => {
    const theme = find(await db.themes.toArray(), id);
    return save(db, { ...theme, description: checkDescription(description) });
  });
}

export async function recolourTheme(db: AnnotatorDb, id: string, color: string): Promise<Theme> {
  return db.transaction('rw', db.themes, async () => {
    const theme = find(await db.themes.toArray(), id);
    return save(db, { ...theme, color: checkColor(color) });
  });
}

/** Moves a theme to `toIndex` (from 0, clamped) in the order of all themes, retired ones too. */
export async function moveTheme(db: AnnotatorDb, id: string, toIndex: number): Promise<void> {
  await db.transaction('rw', db.themes, async () => {
    const themes = await db.themes.orderBy('order').toArray();
    const theme = find(themes, id);
    const rest = themes.filter((t) => t.id !== id);
    const index = Math.min(Math.max(Math.trunc(toIndex) || 0, 0), rest.length);
    rest.splice(index, 0, theme);
    await writeOrder(db, rest);
  });
}

/** Takes a theme out of the picker; its annotations keep it. */
export function retireTheme(db: AnnotatorDb, id: string): Promise<Theme> {
  return setRetired(db, id, true);
}

/** Puts a retired theme back in the picker. */
export function restoreTheme(db: AnnotatorDb, id: string): Promise<Theme> {
  return setRetired(db, id, false);
}

/**
 * Puts the default themes back, active, with their default labels and colours, in their
 * default order; the user's own themes follow them, in their order. Nothing is deleted: a
 * user's theme whose label a default theme takes back gets a number after its label.
 */
export async function restoreDefaultThemes(db: AnnotatorDb): Promise<void> {
  await db.transaction('rw', db.themes, async () => {
    const defaultIds = new Set(DEFAULT_THEMES.map((t) => t.id));
    const own = (await db.themes.orderBy('order').toArray()).filter((t) => !defaultIds.has(t.id));
    const taken = DEFAULT_THEMES.map((t) => t.label);
    const renamed = own.map((theme) => {
      const label = uniqueLabel(theme.label, taken);
      taken.push(label);
      return { ...theme, label };
    });
    await writeOrder(db, [...DEFAULT_THEMES.map((t) => ({ ...t })), ...renamed]);
  });
}

/**
 * Deletes a theme. One still on annotations is refused unless `moveTo` names another theme:
 * then those annotations get that theme instead (once), are stamped `now`, and the theme goes.
 */
export async function deleteTheme(
  db: AnnotatorDb,
  id: string,
  { moveTo }: { moveTo?: string } = {},
  now: Date = new Date(),
): Promise<void> {
  await db.transaction('rw', db.themes, db.annotations, async () => {
    const themes = await db.themes.orderBy('order').toArray();
    find(themes, id);
    const using = db.annotations.where('themes').equals(id);
    const count = await using.count();
    if (count > 0) {
      if (moveTo === undefined || moveTo === '') {
        throw new Error(`This theme is on ${inUse(count)} to another theme first.`);
      }
      if (moveTo === id) throw new Error('Choose another theme to move its annotations to.');
      find(themes, moveTo);
      const updatedAt = now.toISOString();
      await using.modify((annotation) => {
        annotation.themes = [...new Set(annotation.themes.map((t) => (t === id ? moveTo : t)))];
        annotation.updatedAt = updatedAt;
      });
    }
    await db.themes.delete(id);
    await writeOrder(
      db,
      themes.filter((t) => t.id !== id),
    );
  });
}

/** How many annotations carry each theme: every theme is listed, unused ones with 0. */
export async function themeUsage(db: AnnotatorDb): Promise<Map<string, number>> {
  return db.transaction('r', db.themes, db.annotations, async () => {
    const usage = new Map<string, number>();
    for (const id of await db.themes.orderBy('order').primaryKeys()) usage.set(id, 0);
    for (const key of await db.annotations.orderBy('themes').keys()) {
      const id = String(key);
      usage.set(id, (usage.get(id) ?? 0) + 1);
    }
    return usage;
  });
}

/** "Front door & thresholds" → "front-door-thresholds"; "theme" when nothing is left. */
export function slug(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 60).replace(/-+$/, '') || 'theme';
}

/** `id`, or `id-2`, `id-3` … whichever is not taken yet. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** `label`, or "label (2)", "label (3)" … whichever no label in `taken` equals (trimmed, any case). */
export function uniqueLabel(label: string, taken: readonly string[]): string {
  const used = new Set(taken.map(labelKey));
  let candidate = label;
  for (let n = 2; used.has(labelKey(candidate)); n++) candidate = `${label} (${n})`;
  return candidate;
}

/** The label as stored (trimmed); refuses an empty, too long or already used one. */
export function checkLabel(label: unknown, themes: readonly Theme[], ownId?: string): string {
  if (typeof label !== 'string' || label.trim() === '') throw new Error('A theme needs a name.');
  const clean = label.trim();
  if (clean.length > MAX_THEME_LABEL) {
    throw new Error(`A theme name can be at most ${MAX_THEME_LABEL} characters long.`);
  }
  const same = themes.find((t) => t.id !== ownId && labelKey(t.label) === labelKey(clean));
  if (same) throw new Error(`A theme called “${same.label}” already exists.`);
  return clean;
}

/** The colour as stored (lower case); refuses anything but #rrggbb. */
export function checkColor(color: unknown): string {
  if (typeof color !== 'string' || !COLOR.test(color)) {
    throw new Error('A theme colour must be written #rrggbb, for example #3949ab.');
  }
  return color.toLowerCase();
}

const labelKey = (label: string) => label.trim().toLowerCase();

const inUse = (count: number) => (count === 1 ? '1 annotation: move it' : `${count} annotations: move them`);

function nextOrder(themes: readonly Theme[]): number {
  return themes.reduce((max, t) => Math.max(max, t.order + 1), 0);
}

function find(themes: readonly Theme[], id: string): Theme {
  const theme = themes.find((t) => t.id === id);
  if (!theme) throw new Error('This theme no longer exists.');
  return theme;
}

async function save(db: AnnotatorDb, theme: Theme): Promise<Theme> {
  await db.themes.put(theme);
  return theme;
}

async function setRetired(db: AnnotatorDb, id: string, retired: boolean): Promise<Theme> {
  return db.transaction('rw', db.themes, async () => {
    const theme = find(await db.themes.toArray(), id);
    return save(db, { ...theme, retired });
  });
}

/** Stores `themes` with orders 0, 1, 2 … in the given sequence. */
async function writeOrder(db: AnnotatorDb, themes: readonly Theme[]): Promise<void> {
  await db.themes.bulkPut(themes.map((theme, order) => ({ ...theme, order })));
}

function checkDescription(description: string): string {
  const trimmed = description.trim().replace(/\s+/g, ' ');
  if (trimmed.length > MAX_THEME_DESCRIPTION) {
    throw new Error(`A theme description can be at most ${MAX_THEME_DESCRIPTION} characters.`);
  }
  return trimmed;
}
