// The dashboard's connection to the extension: the database read with liveQuery, and the
// real exports, downloads, clipboard and import.

import { signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { viewerUrl } from '../background/open-reports';
import type { AnnotatorDb } from '../db/database';
import { describeImport, ImportCancelled, importFile } from '../db/import';
import { buildCsv } from '../export/csv';
import { downloadFile } from '../export/download';
import { buildJsonExport } from '../export/json';
import { buildMarkdownBriefing, buildMarkdownQuotes } from '../export/markdown';
import { buildW3cCollection } from '../export/w3c';
import type { DashboardData } from './documents';
import type { DashboardDeps } from './model';

/** Every annotation, document and theme, read in one transaction so they agree. */
export function readDashboardData(db: AnnotatorDb): Promise<DashboardData> {
  // The three reads are asked for at once: the database answers them in turn without waiting for us.
  return db.transaction('r', [db.annotations, db.documents, db.themes], async () => {
    const [annotations, documents, themes] = await Promise.all([
      db.annotations.toArray(),
      db.documents.toArray(),
      db.themes.orderBy('order').toArray(),
    ]);
    return { annotations, documents, themes };
  });
}

export interface LiveData {
  /** null until the first read. */
  data: Signal<DashboardData | null>;
  /** Why the database could not be read, if it could not. */
  error: Signal<string | null>;
  stop(): void;
}

/** The database's contents, read again whenever any of its tables changes. */
export function liveDashboardData(db: AnnotatorDb): LiveData {
  const data = signal<DashboardData | null>(null);
  const error = signal<string | null>(null);
  const subscription = liveQuery(() => readDashboardData(db)).subscribe({
    next: (value) => {
      data.value = value;
      error.value = null;
    },
    error: (e: unknown) => {
      error.value = e instanceof Error ? e.message : String(e);
    },
  });
  return { data, error, stop: () => subscription.unsubscribe() };
}

/** The real exports, download, clipboard and import; `overrides` replace any of them. */
export function dashboardDeps(
  db: AnnotatorDb,
  overrides: Partial<DashboardDeps> = {},
  win: Window = globalThis.window,
): DashboardDeps {
  return {
    builders: {
      markdownBriefing: buildMarkdownBriefing,
      markdownQuotes: buildMarkdownQuotes,
      // docx is most of the Word briefing's weight: load it when a briefing is first asked for.
      wordBriefing: async (input, options) =>
        (await import('../export/word/briefing')).buildWordBriefing(input, options),
      csv: buildCsv,
      w3c: buildW3cCollection,
      json: buildJsonExport,
    },
    download: (contents, fileName, type) => downloadFile(contents, fileName, type, win.document),
    rasterise: async (svg, width, height) =>
      (await import('../export/word/rasterise')).rasteriseSvg(svg, width, height, win.document),
    copyText: (text) => win.navigator.clipboard.writeText(text),
    importFile: async (file, options) => {
      try {
        return describeImport(await importFile(db, file, options));
      } catch (error) {
        if (error instanceof ImportCancelled) return error.message;
        throw error;
      }
    },
    viewerUrl: (address) => viewerUrl(address),
    now: () => new Date(),
    ...overrides,
  };
}
