import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  updateAnnotation,
} from '../../../lib/db/annotations';
import { addTheme, renameTheme } from '../../../lib/db/themes';
import { EVERY_DOCUMENT } from '../../../lib/messages/protocol';
import { docId } from '../../../lib/sync/space-docs';
import { draft, NEWS_URL, T0, T1, T2 } from '../db/helpers';
import { ANN, BEN, browserOf, sync } from './two-browsers';

async function annotateAs(b: ReturnType<typeof browserOf>, note = 'first note', when = T0) {
  return createAnnotation(b.db, { url: NEWS_URL, title: 'Council news', draft: draft({ note }) }, when);
}

describe('team space bridge', () => {
  it('brings an annotation made in one browser into the other, with its author and document', async () => {
    const ann = browserOf(ANN);
    const ben = browserOf(BEN);
    const made = await annotateAs(ann);
    await sync(ann, ben);

    const there = await ben.db.annotations.get(made.id);
    expect(there).toMatchObject({ quote: made.quote, note: 'first note', author: ANN, editor: ANN });
    expect(await ben.db.documents.get(NEWS_URL)).toMatchObject({ title: 'Council news' });
    expect(await ann.db.annotations.get(made.id)).toMatchObject({ author: ANN });
    expect(await ann.db.outbox.count()).toBe(0);
    expect(await ben.db.outbox.count()).toBe(0);
  });

  it('sends edits and deletes both ways, and an undone delete comes back everywhere', async () => {
    const ann = browserOf(ANN, { editOthers: true });
    const ben = browserOf(BEN, { editOthers: true });
    const made = await annotateAs(ann);
    await sync(ann, ben);

    await updateAnnotation(
      ben.db,
      { url: NEWS_URL, id: made.id, changes: { themes: ['workforce'], severity: 4, note: 'by Ben' } },
      T1,
    );
    await sync(ann, ben);
    expect(await ann.db.annotations.get(made.id)).toMatchObject({
      note: 'by Ben',
      severity: 4,
      author: ANN,
      editor: BEN,
    });

    const deleted = await deleteAnnotation(ann.db, { url: NEWS_URL, id: made.id });
    await sync(ann, ben);
    expect(await ben.db.annotations.get(made.id)).toBeUndefined();

    await restoreAnnotation(ann.db, { url: NEWS_URL, annotation: deleted!, title: 'Council news' }, T2);
    await sync(ann, ben);
    expect(await ben.db.annotations.get(made.id)).toMatchObject({ note: 'by Ben', author: ANN });
  });

  it('resolves edits made offline in two browsers the same way in both, keeping the losing note', async () => {
    const ann = browserOf(ANN);
    const annLaptop = browserOf(ANN);
    const made = await annotateAs(ann);
    await sync(ann, annLaptop);

    await updateAnnotation(
      ann.db,
      { url: NEWS_URL, id: made.id, changes: { themes: ['workforce'], severity: 3, note: 'office note' } },
      T1,
    );
    await updateAnnotation(
      annLaptop.db,
      { url: NEWS_URL, id: made.id, changes: { themes: ['workforce'], severity: 2, note: 'train note' } },
      T2,
    );
    await sync(ann, annLaptop);

    const here = await ann.db.annotations.get(made.id);
    const there = await annLaptop.db.annotations.get(made.id);
    expect(here).toEqual(there);
    expect(here).toMatchObject({ note: 'train note', severity: 2 });
    expect(here!.alsoEdited).toEqual([{ note: 'office note', by: ANN, at: T1.toISOString() }]);
    const stored = await ann.mirror.get(docId('annotations', made.id), { conflicts: true });
    expect(stored._conflicts ?? []).toEqual([]);
  });

  it('writes the merge on the branch of the version that won, even where CouchDB picked the other', async () => {
    const ann = browserOf(ANN);
    const annLaptop = browserOf(ANN);
    const made = await annotateAs(ann);
    await sync(ann, annLaptop);
    const id = docId('annotations', made.id);
    const change = (b: typeof ann, note: string, when: Date) =>
      updateAnnotation(b.db, { url: NEWS_URL, id: made.id, changes: { themes: [], severity: 3, note } }, when);

    // The office saves twice (a longer branch: CouchDB's winner); the laptop once, but later.
    await change(ann, 'office note', T1);
    await ann.bridge.push();
    await change(ann, 'office note, revised', new Date(T1.getTime() + 1000));
    await ann.bridge.push();
    await change(annLaptop, 'train note', T2);
    await annLaptop.bridge.push();
    const laptopRev = (await annLaptop.mirror.get(id))._rev!;
    await sync(ann, annLaptop);

    type WithHistory = { _revisions: { start: number; ids: string[] } };
    const pouch = ann.mirror as unknown as { get(id: string, options: { revs: true }): Promise<WithHistory> };
    const merged = await pouch.get(id, { revs: true });
    const parent = `${merged._revisions.start - 1}-${merged._revisions.ids[1]}`;
    expect(parent).toBe(laptopRev);
    expect(await ann.db.annotations.get(made.id)).toMatchObject({ note: 'train note' });
  });

  it('merges a local edit with a colleague’s change that arrived before it was sent', async () => {
    const ann = browserOf(ANN, { editOthers: true });
    const ben = browserOf(BEN, { editOthers: true });
    const made = await annotateAs(ann);
    await sync(ann, ben);

    await updateAnnotation(
      ben.db,
      { url: NEWS_URL, id: made.id, changes: { themes: ['workforce'], severity: 4, note: 'Ben: serious' } },
      T2,
    );
    await ben.bridge.push();
    await ben.mirror.replicate.to(ann.mirror);
    // Ann edits before her browser has applied Ben's change.
    await updateAnnotation(
      ann.db,
      {
        url: NEWS_URL,
        id: made.id,
        changes: { themes: ['workforce'], severity: 3, note: 'Ann: earlier view' },
      },
      T1,
    );
    await sync(ann, ben);

    const result = await ann.db.annotations.get(made.id);
    expect(result).toEqual(await ben.db.annotations.get(made.id));
    expect(result).toMatchObject({ note: 'Ben: serious', severity: 4 });
    expect(result!.alsoEdited?.map((e) => e.note)).toEqual(['Ann: earlier view']);
  });

  it('keeps an edit that met a delete, and says so', async () => {
    const ann = browserOf(ANN, { editOthers: true });
    const ben = browserOf(BEN, { editOthers: true });
    const made = await annotateAs(ann);
    await sync(ann, ben);

    await updateAnnotation(
      ben.db,
      { url: NEWS_URL, id: made.id, changes: { themes: ['workforce'], severity: 4, note: 'still matters' } },
      T1,
    );
    await ben.bridge.push();
    await ben.mirror.replicate.to(ann.mirror);
    await deleteAnnotation(ann.db, { url: NEWS_URL, id: made.id });
    await sync(ann, ben);

    expect(await ann.db.annotations.get(made.id)).toMatchObject({ note: 'still matters' });
    expect(await ben.db.annotations.get(made.id)).toMatchObject({ note: 'still matters' });
    expect(ann.notices).toEqual(['Ben Lead Member changed an annotation you deleted, so it was kept.']);
  });

  it('undoes a change to a colleague’s annotation where the space allows own only', async () => {
    const ann = browserOf(ANN);
    const ben = browserOf(BEN);
    const made = await annotateAs(ann);
    await sync(ann, ben);

    await updateAnnotation(
      ben.db,
      { url: NEWS_URL, id: made.id, changes: { themes: [], severity: 0, note: 'Ben was here' } },
      T1,
    );
    await sync(ann, ben);

    expect(await ben.db.annotations.get(made.id)).toMatchObject({ note: 'first note' });
    expect(await ann.db.annotations.get(made.id)).toMatchObject({ note: 'first note' });
    expect(ben.notices).toEqual([
      'Only Ann Scrutiny can change their annotation in this space; your change was undone.',
    ]);
  });

  it('shares the theme list: additions and renames reach every browser', async () => {
    const ann = browserOf(ANN);
    const ben = browserOf(BEN);
    await ann.bridge.sendEverything();
    await ben.bridge.sendEverything();
    const added = await addTheme(ann.db, { label: 'Private fostering', color: '#336699' });
    await ann.bridge.push();
    await ann.mirror.replicate.to(ben.mirror);
    // Every open page is told: each page's dialog lists the themes.
    expect(await ben.bridge.pullAll()).toEqual(new Set([EVERY_DOCUMENT]));
    expect(await ben.db.themes.get(added.id)).toMatchObject({ label: 'Private fostering' });

    await renameTheme(ben.db, added.id, 'Private fostering arrangements');
    await sync(ann, ben);
    expect(await ann.db.themes.get(added.id)).toMatchObject({ label: 'Private fostering arrangements' });
  });

  it('sends everything already stored when a browser first connects', async () => {
    const ann = browserOf(ANN);
    const ben = browserOf(BEN);
    await ann.db.outbox.clear(); // as if these were made before the space existed
    const made = await annotateAs(ann);
    await ann.db.outbox.clear();
    await ann.bridge.sendEverything();
    await sync(ann, ben);
    expect(await ben.db.annotations.get(made.id)).toMatchObject({ author: ANN });
  });

  it('leaves a record it cannot read in the space and applies the rest', async () => {
    const ann = browserOf(ANN);
    await ann.mirror.put({ _id: 'annotation:broken', type: 'annotation', id: 'broken', quote: 42 });
    await ann.mirror.put({
      _id: 'theme:ok',
      type: 'theme',
      id: 'ok',
      label: 'OK',
      color: '#123456',
      order: 99,
      retired: false,
    });
    await ann.bridge.pullAll();
    expect(await ann.db.annotations.get('broken')).toBeUndefined();
    expect(await ann.db.themes.get('ok')).toMatchObject({ label: 'OK' });
  });
});

describe('space document ids', () => {
  it('gives every document address an id, even one with half a surrogate pair', async () => {
    const { docId, parseDocId } = await import('../../../lib/sync/space-docs');
    expect(parseDocId(docId('documents', 'https://example.org/a b?x=1'))).toEqual({
      table: 'documents',
      key: 'https://example.org/a b?x=1',
    });
    expect(docId('documents', 'https://example.org/\ud83d')).toBe(
      'document:https%3A%2F%2Fexample.org%2F%EF%BF%BD',
    );
    expect(parseDocId('theme:')).toBeNull();
    expect(parseDocId('_design/ofsted-annotator')).toBeNull();
  });
});
