// The options page's state: Dexie live queries of the extension's own database (themes and
// how many annotations carry each), and the outcome of the last theme change and import,
// worded for the user. Every action reports success or failure in a Notice and resolves to
// whether it succeeded; none rejects.

import { signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { listThemes } from '../db/annotations';
import type { AnnotatorDb } from '../db/database';
import {
  describeImport,
  describeImportProgress,
  ImportCancelled,
  importFile,
  type ImportProgress,
} from '../db/import';
import { PROGRESS_FILE_BYTES } from '../progress';
import {
  addTheme,
  deleteTheme,
  moveTheme,
  recolourTheme,
  describeTheme,
  renameTheme,
  restoreDefaultThemes,
  restoreTheme,
  retireTheme,
  themeUsage,
} from '../db/themes';
import type { Theme } from '../model';

/** A message for the user: a success (role="status") or a failure (role="alert"). */
export interface Notice {
  kind: 'status' | 'error';
  text: string;
}

export function createOptionsModel(db: AnnotatorDb) {
  const subscriptions: Array<{ unsubscribe(): void }> = [];
  function live<T>(query: () => Promise<T>, initial: T): Signal<T> {
    const value = signal(initial);
    subscriptions.push(
      liveQuery(query).subscribe({ next: (v) => (value.value = v), error: (e) => console.error(e) }),
    );
    return value;
  }

  const themes = live<Theme[]>(() => listThemes(db), []);
  const usage = live<ReadonlyMap<string, number>>(() => themeUsage(db), new Map());
  const themeNotice = signal<Notice | null>(null);
  const importNotice = signal<Notice | null>(null);
  const importing = signal(false);
  /** How far the running import has got, for a file of PROGRESS_FILE_BYTES or more (else null). */
  const importProgress = signal<ImportProgress | null>(null);
  let importController: AbortController | null = null;

  const labelOf = (id: string) => themes.value.find((t) => t.id === id)?.label ?? id;

  /** Runs `action`, showing the message it resolves to, or its error, in `notice`. */
  async function report(notice: Signal<Notice | null>, action: () => Promise<string>): Promise<boolean> {
    notice.value = null;
    try {
      notice.value = { kind: 'status', text: await action() };
      return true;
    } catch (error) {
      notice.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
      return false;
    }
  }
  const themeAction = (action: () => Promise<string>) => report(themeNotice, action);

  return {
    themes,
    usage,
    themeNotice,
    importNotice,
    importing,
    importProgress,

    addTheme: (label: string, color: string, description = '') =>
      themeAction(async () => `Added “${(await addTheme(db, { label, color, description })).label}”.`),

    describeTheme: (id: string, description: string) =>
      themeAction(
        async () => `Saved what “${(await describeTheme(db, id, description)).label}” covers.`,
      ),

    renameTheme: (id: string, label: string) => {
      const before = labelOf(id);
      return themeAction(async () => `Renamed “${before}” to “${(await renameTheme(db, id, label)).label}”.`);
    },

    recolourTheme: (id: string, color: string) =>
      themeAction(async () => `Changed the colour of “${(await recolourTheme(db, id, color)).label}”.`),

    /** Moves a theme to `toIndex` (from 0) in the order of all themes. */
    moveTheme: (id: string, toIndex: number) =>
      themeAction(async () => {
        await moveTheme(db, id, toIndex);
        return `Moved “${labelOf(id)}” to position ${toIndex + 1} of ${themes.value.length}.`;
      }),

    retireTheme: (id: string) =>
      themeAction(
        async () =>
          `Retired “${(await retireTheme(db, id)).label}”: it leaves the picker and stays on its annotations.`,
      ),

    restoreTheme: (id: string) =>
      themeAction(async () => `Restored “${(await restoreTheme(db, id)).label}” to the picker.`),

    restoreDefaultThemes: () =>
      themeAction(async () => {
        await restoreDefaultThemes(db);
        return 'Restored the default themes.';
      }),

    /** Deletes a theme; one in use needs `moveTo`, the theme its annotations move to. */
    deleteTheme: (id: string, moveTo?: string) => {
      const label = labelOf(id);
      const moved = usage.value.get(id) ?? 0;
      return themeAction(async () => {
        await deleteTheme(db, id, { moveTo });
        if (!moveTo || moved === 0) return `Deleted “${label}”.`;
        return `Deleted “${label}” and moved its annotations to “${labelOf(moveTo)}”.`;
      });
    },

    /**
     * Imports a file the user chose, reporting "N added, M updated, K unchanged". A large file
     * shows its progress (importProgress) and may be cancelled (cancelImport): then nothing
     * is written, and the notice says so.
     */
    importFile: async (file: { size: number; text(): Promise<string> }) => {
      importing.value = true;
      const controller = (importController = new AbortController());
      const showProgress = file.size >= PROGRESS_FILE_BYTES;
      try {
        return await report(importNotice, async () => {
          try {
            const result = await importFile(db, file, {
              signal: controller.signal,
              ...(showProgress && { onProgress: (p: ImportProgress) => (importProgress.value = p) }),
            });
            return describeImport(result);
          } catch (error) {
            if (error instanceof ImportCancelled) return error.message;
            throw error;
          }
        });
      } finally {
        importing.value = false;
        importProgress.value = null;
        importController = null;
      }
    },

    /** Cancels the running import: it writes nothing. */
    cancelImport: () => importController?.abort(),

    /** The running import's progress in words ("Importing 4,000 of 10,000 annotations…"). */
    describeImportProgress,

    /** Stops the live queries (tests; the page itself lives until it closes). */
    dispose: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
