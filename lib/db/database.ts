import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, DocumentRecord, Theme } from '../model';
import { DEFAULT_THEMES } from '../taxonomy/themes';

export const DB_NAME = 'ofsted-annotator';

/**
 * The extension's database. Open it only in the extension's origin (background, popup,
 * dashboard): content scripts reach it through messages (see ../messages/protocol.ts).
 */
export class AnnotatorDb extends Dexie {
  declare annotations: EntityTable<Annotation, 'id'>;
  declare documents: EntityTable<DocumentRecord, 'url'>;
  declare themes: EntityTable<Theme, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);

    // Schema history. A published version is never edited: each change of schema or data
    // adds the next version below, with an upgrade() that rewrites old rows, a fixture of the
    // old version's rows and a test in tests/unit/db that walks the upgrade. For example:
    //
    //   this.version(2)
    //     .stores({ annotations: 'id, url, *themes, severity, updatedAt, newIndex' })
    //     .upgrade((tx) => tx.table('annotations').toCollection().modify((a) => { … }));
    //
    // The export format has its own version (../export/json.ts), independent of this one.

    /** Version 1: annotations by document, theme, severity and date; documents; themes. */
    this.version(1).stores({
      annotations: 'id, url, *themes, severity, updatedAt',
      documents: 'url, updatedAt',
      themes: 'id, order',
    });

    // Runs once, when the database is first created (never on upgrade).
    this.on('populate', (tx) => {
      void tx.table<Theme, string>('themes').bulkAdd(DEFAULT_THEMES.map((theme) => ({ ...theme })));
    });
  }
}

/** Opens (lazily, on first use) the extension's database; tests pass their own name. */
export function openDb(name: string = DB_NAME): AnnotatorDb {
  return new AnnotatorDb(name);
}
