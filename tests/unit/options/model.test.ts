import { waitFor } from '@testing-library/preact';
import type { AnnotatorDb } from '../../../lib/db/database';
import { createOptionsModel, type OptionsModel } from '../../../lib/options/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { freshDb } from '../db/helpers';
import { validExport } from '../export/broken-exports';

let db: AnnotatorDb;
let model: OptionsModel;
beforeEach(async () => {
  db = freshDb();
  model = createOptionsModel(db);
  await waitFor(() => expect(model.themes.value).toHaveLength(DEFAULT_THEMES.length));
});
afterEach(async () => {
  model.dispose();
  await db.delete();
});

const fileOf = (text: string) => ({ size: text.length, text: async () => text });

describe('createOptionsModel', () => {
  it('follows the themes and their usage live', async () => {
    // Usage is its own live query: under load it may answer after the themes.
    await waitFor(() => expect(model.usage.value.get('neglect')).toBe(0));
    expect(await model.addTheme('Youth justice', '#123456')).toBe(true);
    await waitFor(() => expect(model.themes.value.at(-1)?.label).toBe('Youth justice'));
    expect(model.themeNotice.value).toEqual({ kind: 'status', text: 'Added “Youth justice”.' });
  });

  it('reports a refused change as an error and resolves to false', async () => {
    expect(await model.renameTheme('neglect', 'domestic abuse')).toBe(false);
    expect(model.themeNotice.value).toEqual({
      kind: 'error',
      text: 'A theme called “Domestic abuse” already exists.',
    });
  });

  it('words each theme change for the user', async () => {
    await model.renameTheme('neglect', 'Chronic neglect');
    expect(model.themeNotice.value?.text).toBe('Renamed “Neglect” to “Chronic neglect”.');
    await model.retireTheme('voice');
    expect(model.themeNotice.value?.text).toMatch(/^Retired “Voice, identity and lived experience”/);
    await model.moveTheme('voice', 0);
    expect(model.themeNotice.value?.text).toBe(
      `Moved “Voice, identity and lived experience” to position 1 of ${DEFAULT_THEMES.length}.`,
    );
    await model.deleteTheme('timeliness');
    expect(model.themeNotice.value?.text).toBe('Deleted “Timeliness, drift and delay”.');
  });

  it('imports a file, marked as running meanwhile, and gives the counts after', async () => {
    let finish!: (text: string) => void;
    const file = { size: 10, text: () => new Promise<string>((resolve) => (finish = resolve)) };
    const done = model.importFile(file);
    expect(model.importing.value).toBe(true);
    finish(JSON.stringify(validExport()));
    expect(await done).toBe(true);
    expect(model.importing.value).toBe(false);
    expect(model.importNotice.value).toEqual({ kind: 'status', text: '2 added, 0 updated, 0 unchanged' });
    await waitFor(() => expect(model.usage.value.get('workforce')).toBe(2));
  });

  it('reports a file it cannot import as an error', async () => {
    expect(await model.importFile(fileOf('not json'))).toBe(false);
    expect(model.importNotice.value?.kind).toBe('error');
    expect(model.importNotice.value?.text).toMatch(/^This file is not valid JSON: /);
    expect(model.importing.value).toBe(false);
  });

  it('shows a large file’s progress, and a cancelled import changes nothing and says so', async () => {
    const text = JSON.stringify(validExport());
    // A file as large as one that shows the bar (the size is what the model looks at).
    let finish!: (text: string) => void;
    const file = { size: 2_000_000, text: () => new Promise<string>((resolve) => (finish = resolve)) };
    const done = model.importFile(file);
    expect(model.importProgress.value).toEqual({ phase: 'reading', done: 0, total: 2_000_000 });
    expect(model.describeImportProgress(model.importProgress.value!)).toBe('Reading the file (1.9 MB)…');
    model.cancelImport();
    finish(text);
    expect(await done).toBe(true);
    expect(model.importNotice.value).toEqual({ kind: 'status', text: 'Import cancelled: nothing was changed.' });
    expect(model.importing.value).toBe(false);
    expect(model.importProgress.value).toBeNull();
    expect(await db.annotations.count()).toBe(0);
  });

  it('shows no progress for a small file', async () => {
    const seen: unknown[] = [];
    const stop = model.importProgress.subscribe((p) => seen.push(p));
    await model.importFile(fileOf(JSON.stringify(validExport())));
    stop();
    expect(seen.every((p) => p === null)).toBe(true);
  });
});
