import { createAnnotation, listThemes } from '../../../lib/db/annotations';
import type { AnnotatorDb } from '../../../lib/db/database';
import { exportAll } from '../../../lib/export/json';
import {
  addTheme,
  deleteTheme,
  describeTheme,
  moveTheme,
  recolourTheme,
  renameTheme,
  restoreDefaultThemes,
  restoreTheme,
  retireTheme,
  slug,
  themeUsage,
} from '../../../lib/db/themes';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { draft, freshDb, REPORT_URL, T0, T1 } from './helpers';

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const ids = async () => (await listThemes(db)).map((t) => t.id);
const orders = async () => (await listThemes(db)).map((t) => t.order);
const theme = async (id: string) => (await db.themes.get(id))!;
const annotate = (themes: string[], start = 100) =>
  createAnnotation(db, { url: REPORT_URL, title: 'Report', draft: draft({ themes, start }) }, T0);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: Error) => e.message,
  );

describe('addTheme', () => {
  it('adds an active theme at the end, its id a slug of its label', async () => {
    const added = await addTheme(db, { label: '  Youth justice & courts ', color: '#12AB34' });
    expect(added).toEqual({
      id: 'youth-justice-courts',
      label: 'Youth justice & courts',
      color: '#12ab34',
      order: DEFAULT_THEMES.length,
      retired: false,
    });
    expect((await ids()).at(-1)).toBe('youth-justice-courts');
  });

  it('makes the id unique when the slug is taken', async () => {
    await renameTheme(db, 'neglect', 'Chronic neglect');
    expect((await addTheme(db, { label: 'Neglect', color: '#000000' })).id).toBe('neglect-2');
  });

  it('gives a label with no letters or digits a usable id', async () => {
    expect((await addTheme(db, { label: '£€!', color: '#000000' })).id).toBe('theme');
    expect(slug('Éducation à domicile')).toBe('education-a-domicile');
  });

  it('refuses a label another theme has, in any case and with spaces around it', async () => {
    expect(await failure(addTheme(db, { label: ' NEGLECT ', color: '#000000' }))).toBe(
      'A theme called “Neglect” already exists.',
    );
  });

  it('refuses an empty label and one over 120 characters', async () => {
    expect(await failure(addTheme(db, { label: '   ', color: '#000000' }))).toBe('A theme needs a name.');
    expect(await failure(addTheme(db, { label: 'x'.repeat(121), color: '#000000' }))).toBe(
      'A theme name can be at most 120 characters long.',
    );
    expect((await addTheme(db, { label: 'x'.repeat(120), color: '#000000' })).label).toHaveLength(120);
  });

  it('refuses a colour not written #rrggbb', async () => {
    for (const color of ['red', '#fff', '#12345g', 'rgb(0,0,0)', '#1234567']) {
      expect(await failure(addTheme(db, { label: 'New', color }))).toMatch(/#rrggbb/);
    }
    expect(await db.themes.count()).toBe(DEFAULT_THEMES.length);
  });
});

describe('renameTheme', () => {
  it('changes the label and keeps the id, so annotations keep the theme', async () => {
    const saved = await annotate(['neglect']);
    await renameTheme(db, 'neglect', '  Neglect and poverty ');
    expect((await theme('neglect')).label).toBe('Neglect and poverty');
    expect((await db.annotations.get(saved.id))?.themes).toEqual(['neglect']);
  });

  it('may change only the case of its own label', async () => {
    await renameTheme(db, 'neglect', 'NEGLECT');
    expect((await theme('neglect')).label).toBe('NEGLECT');
  });

  it("refuses another theme's label", async () => {
    expect(await failure(renameTheme(db, 'neglect', 'domestic abuse'))).toBe(
      'A theme called “Domestic abuse” already exists.',
    );
  });

  it('refuses a theme that does not exist', async () => {
    expect(await failure(renameTheme(db, 'nope', 'Anything'))).toBe('This theme no longer exists.');
  });
});

describe('recolourTheme', () => {
  it('stores a #rrggbb colour in lower case', async () => {
    await recolourTheme(db, 'neglect', '#AABBCC');
    expect((await theme('neglect')).color).toBe('#aabbcc');
  });

  it('refuses any other way of writing a colour', async () => {
    expect(await failure(recolourTheme(db, 'neglect', 'blue'))).toMatch(/#rrggbb/);
    expect((await theme('neglect')).color).toBe('#757575');
  });
});

describe('describeTheme', () => {
  it('stores what a theme covers with its white space tidied, and an empty description as empty', async () => {
    await describeTheme(db, 'neglect', '  chronic neglect,\n  poor home conditions ');
    expect((await theme('neglect')).description).toBe('chronic neglect, poor home conditions');
    await describeTheme(db, 'neglect', '');
    expect((await theme('neglect')).description).toBe('');
  });

  it('refuses a description over the limit and keeps the old one', async () => {
    expect(await failure(describeTheme(db, 'neglect', 'x'.repeat(401)))).toMatch(/at most 400 characters/);
    expect((await theme('neglect')).description).toBe('recognising and responding to chronic neglect');
  });
});

describe('moveTheme', () => {
  it('moves a theme and numbers every theme densely from 0', async () => {
    await db.themes.update('neglect', { order: 40 });
    await moveTheme(db, 'neglect', 0);
    expect((await ids()).slice(0, 3)).toEqual(['neglect', 'leadership', 'oversight']);
    expect(await orders()).toEqual(DEFAULT_THEMES.map((_, i) => i));
  });

  it('moves down past retired themes, which keep their place in the order', async () => {
    await retireTheme(db, 'oversight');
    await moveTheme(db, 'leadership', 1);
    expect((await ids()).slice(0, 3)).toEqual(['oversight', 'leadership', 'qa-data']);
  });

  it('clamps an index beyond either end', async () => {
    await moveTheme(db, 'leadership', 99);
    expect((await ids()).at(-1)).toBe('leadership');
    await moveTheme(db, 'leadership', -3);
    expect((await ids())[0]).toBe('leadership');
  });
});

describe('retireTheme and restoreTheme', () => {
  it('retires a theme that stays on its annotations and in exports, and restores it', async () => {
    const saved = await annotate(['neglect']);
    await retireTheme(db, 'neglect');
    expect((await theme('neglect')).retired).toBe(true);
    expect((await db.annotations.get(saved.id))?.themes).toEqual(['neglect']);
    const exported = await exportAll(db, T1);
    expect(exported.themes.find((t) => t.id === 'neglect')).toMatchObject({ retired: true });
    expect(exported.annotations[0]?.themes).toEqual(['neglect']);
    await restoreTheme(db, 'neglect');
    expect((await theme('neglect')).retired).toBe(false);
  });
});

describe('restoreDefaultThemes', () => {
  it('brings back default labels, colours, order and activity, and keeps the user’s themes after them', async () => {
    const own = await addTheme(db, { label: 'Youth justice', color: '#000000' });
    await moveTheme(db, own.id, 0);
    await renameTheme(db, 'neglect', 'Chronic neglect');
    await recolourTheme(db, 'voice', '#000000');
    await retireTheme(db, 'timeliness');
    await moveTheme(db, 'leadership', 10);
    await deleteTheme(db, 'care-leavers');

    await restoreDefaultThemes(db);

    expect(await listThemes(db)).toEqual([...DEFAULT_THEMES, { ...own, order: DEFAULT_THEMES.length }]);
  });

  it('keeps annotations and numbers a user theme whose label a default takes back', async () => {
    const saved = await annotate(['neglect']);
    await renameTheme(db, 'neglect', 'Chronic neglect');
    const own = await addTheme(db, { label: 'neglect', color: '#000000' });
    await restoreDefaultThemes(db);
    expect((await theme('neglect')).label).toBe('Neglect');
    expect((await theme(own.id)).label).toBe('neglect (2)');
    expect(await db.annotations.get(saved.id)).toEqual(saved);
  });
});

describe('deleteTheme', () => {
  it('deletes an unused theme and numbers the rest densely', async () => {
    await deleteTheme(db, 'neglect');
    expect(await ids()).not.toContain('neglect');
    expect(await orders()).toEqual(DEFAULT_THEMES.slice(1).map((_, i) => i));
  });

  it('refuses a theme that is on annotations, saying how many', async () => {
    await annotate(['neglect'], 10);
    await annotate(['neglect', 'voice'], 20);
    expect(await failure(deleteTheme(db, 'neglect'))).toBe(
      'This theme is on 2 annotations: move them to another theme first.',
    );
    expect(await ids()).toContain('neglect');
  });

  it('says "1 annotation: move it" for one', async () => {
    await annotate(['neglect']);
    expect(await failure(deleteTheme(db, 'neglect'))).toBe(
      'This theme is on 1 annotation: move it to another theme first.',
    );
  });

  it('moves its annotations to another theme, once each, and deletes it', async () => {
    const a = await annotate(['neglect'], 10);
    const b = await annotate(['neglect', 'voice'], 20);
    const c = await annotate(['voice', 'neglect', 'timeliness'], 30);
    const untouched = await annotate(['workforce'], 40);
    await deleteTheme(db, 'neglect', { moveTo: 'voice' }, T1);
    const themesOf = async (id: string) => (await db.annotations.get(id))?.themes;
    expect(await themesOf(a.id)).toEqual(['voice']);
    expect(await themesOf(b.id)).toEqual(['voice']);
    expect(await themesOf(c.id)).toEqual(['voice', 'timeliness']);
    expect((await db.annotations.get(a.id))?.updatedAt).toBe(T1.toISOString());
    expect(await db.annotations.get(untouched.id)).toEqual(untouched);
    expect(await ids()).not.toContain('neglect');
  });

  it('refuses to move annotations to the theme itself or to one that does not exist, changing nothing', async () => {
    const saved = await annotate(['neglect']);
    expect(await failure(deleteTheme(db, 'neglect', { moveTo: 'neglect' }))).toBe(
      'Choose another theme to move its annotations to.',
    );
    expect(await failure(deleteTheme(db, 'neglect', { moveTo: 'gone' }))).toBe(
      'This theme no longer exists.',
    );
    expect(await db.annotations.get(saved.id)).toEqual(saved);
    expect(await ids()).toContain('neglect');
  });
});

describe('themeUsage', () => {
  it('counts the annotations on each theme, unused themes with 0', async () => {
    await annotate(['neglect', 'voice'], 10);
    await annotate(['neglect'], 20);
    const usage = await themeUsage(db);
    expect(usage.get('neglect')).toBe(2);
    expect(usage.get('voice')).toBe(1);
    expect(usage.get('leadership')).toBe(0);
    expect([...usage.keys()].slice(0, 2)).toEqual(['leadership', 'oversight']);
  });
});
