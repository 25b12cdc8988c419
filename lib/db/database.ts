import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { legacyPositionsToCodePoints } from '../anchoring/code-points';
import type { Annotation, DocumentRecord, Theme } from '../model';
import { DEFAULT_THEMES } from '../taxonomy/themes';
import { recordChangesInOutbox, type OutboxEntry, type SpaceRev } from './outbox';

export const DB_NAME = 'ofsted-annotator';

/** One version of the schema: its tables and indexes as Dexie declares them, and what it does to older rows. */
export interface SchemaVersion {
  version: number;
  stores: Readonly<Record<string, string>>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * Schema history, oldest first. A published version is never edited: each change of schema or
 * data adds the next version here, with an upgrade() that rewrites old rows, a fixture of the
 * old version's rows in tests/fixtures/upgrades/ and an entry in tests/unit/db/upgrade.test.ts,
 * which walks every upgrade. For example:
 *
 *   {
 *     version: 2,
 *     stores: { annotations: 'id, url, *themes, severity, updatedAt, newIndex' },
 *     upgrade: (tx) => tx.table('annotations').toCollection().modify((a) => { … }),
 *   },
 *
 * The export format has its own version (../export/json.ts), independent of this one.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  /** Version 1: annotations by document, theme, severity and date; documents; themes. */
  {
    version: 1,
    stores: {
      annotations: 'id, url, *themes, severity, updatedAt',
      documents: 'url, updatedAt',
      themes: 'id, order',
    },
  },
  /**
   * Version 2: team spaces. `outbox` names each record changed since it was last sent to the
   * space (written in the same transaction as the change, see outbox.ts); `spaceRevs` holds
   * the space's revision each record was last in step with, and the sync checkpoints.
   */
  {
    version: 2,
    stores: { outbox: 'id', spaceRevs: 'id' },
  },
  /**
   * Version 3: TextPositionSelector offsets count code points, as the W3C model does, not
   * UTF-16 units (../anchoring/code-points.ts). Only annotations with a character outside the
   * Basic Multilingual Plane in their prefix or quote change.
   */
  {
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      const annotations = tx.table<Annotation, string>('annotations');
      const changed: Annotation[] = [];
      await annotations.each((annotation) => {
        const selectors = legacyPositionsToCodePoints(annotation.selectors);
        if (JSON.stringify(selectors) !== JSON.stringify(annotation.selectors))
          changed.push({ ...annotation, selectors });
      });
      await annotations.bulkPut(changed);
    },
  },
];

/** The version the code opens the database at. */
export const DB_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/**
 * The extension's database. Open it only in the extension's origin (background, popup,
 * dashboard): content scripts reach it through messages (see ../messages/protocol.ts).
 */
export class AnnotatorDb extends Dexie {
  declare annotations: EntityTable<Annotation, 'id'>;
  declare documents: EntityTable<DocumentRecord, 'url'>;
  declare themes: EntityTable<Theme, 'id'>;
  declare outbox: EntityTable<OutboxEntry, 'id'>;
  declare spaceRevs: EntityTable<SpaceRev, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);

    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    recordChangesInOutbox(this);

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
