import { AnnotatorDb, DB_NAME, openDb } from '../../../lib/db/database';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { freshDb } from './helpers';

describe('AnnotatorDb', () => {
  let db: AnnotatorDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('seeds the default themes when the database is created', async () => {
    const themes = await db.themes.orderBy('order').toArray();
    expect(themes).toEqual(DEFAULT_THEMES);
  });

  it('does not seed the themes again when an existing database is reopened', async () => {
    await db.themes.update('neglect', { label: 'Neglect (renamed)' });
    await db.themes.delete('voice');
    db.close();
    const reopened = new AnnotatorDb(db.name);
    try {
      expect(await reopened.themes.count()).toBe(DEFAULT_THEMES.length - 1);
      expect((await reopened.themes.get('neglect'))?.label).toBe('Neglect (renamed)');
    } finally {
      reopened.close();
    }
  });

  it('opens at the current version with its tables and indexes', async () => {
    await db.open();
    expect(db.verno).toBe(3);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(schema).toEqual({
      annotations: ['id', 'url', '*themes', 'severity', 'updatedAt'],
      documents: ['url', 'updatedAt'],
      themes: ['id', 'order'],
      outbox: ['id'],
      spaceRevs: ['id'],
    });
  });
});

describe('openDb', () => {
  it('names the database ofsted-annotator by default', () => {
    const db = openDb();
    expect(db.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('ofsted-annotator');
    db.close();
  });
});
