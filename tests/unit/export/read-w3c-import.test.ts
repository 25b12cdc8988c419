// Importing W3C files from other tools into the database: what comes in, what the message
// says, and that importing the same file again changes nothing.

import type { AnnotatorDb } from '../../../lib/db/database';
import { describeImport, importContents } from '../../../lib/db/import';
import { readW3cCollection } from '../../../lib/export/read-w3c';
import { freshDb } from '../db/helpers';
import { w3cFixture } from './w3c-fixtures';

const IMPORT_TIME = new Date('2026-04-01T12:00:00.000Z');

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const readCollection = () =>
  readW3cCollection(w3cFixture('example-40-collection.json'), { now: IMPORT_TIME });

describe('readW3cCollection', () => {
  describe('imported into the database', () => {
    it('adds what came across in one go, and the message counts what was skipped and says what was decided', async () => {
      const result = await importContents(db, readCollection());
      expect(await db.annotations.count()).toBe(4);
      const message = describeImport(result);
      // Which tags name existing themes is the importer's business; the reader's part follows them.
      expect(message.startsWith('4 added, 0 updated, 0 unchanged')).toBe(true);
      expect(message.slice(message.indexOf('. 3 skipped'))).toBe(
        '. 3 skipped: annotations of an image, video or sound (only text can be annotated): 1; ' +
          'annotations of a whole document (no passage of its text is selected): 1; ' +
          'bodies that are neither text nor a web address: 1. ' +
          '1 annotation had no readable creation date: the modification date was used. ' +
          '1 annotation had several passages: each passage became an annotation of its own, with the same note, themes and severity. ' +
          '1 annotation had a severity this extension does not know (“Good enough”): unrated, its words kept in the note. ' +
          '1 annotation had no readable date: the date the file gives (2025-06-02T09:15:00Z) was used',
      );
    });

    it('stores a position-only annotation waiting for its quote', async () => {
      await importContents(db, readW3cCollection(w3cFixture('example-24-text-position.json')));
      const [stored] = await db.annotations.toArray();
      expect(stored).toMatchObject({
        quote: '',
        selectors: [{ type: 'TextPositionSelector', start: 5010, end: 5068 }],
      });
    });

    it('leaves everything unchanged when the same file is imported again (stable ids)', async () => {
      await importContents(db, readCollection());
      const before = await db.annotations.toArray();
      const again = await importContents(db, readCollection());
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
      expect(await db.annotations.toArray()).toEqual(before);
    });
  });
});
