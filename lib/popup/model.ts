import { signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { ensureRunning, requestSite } from '../activation/inject';
import { viewerUrl } from '../background/open-reports';
import { annotationsForUrl, listThemes } from '../db/annotations';
import type { AnnotatorDb } from '../db/database';
import { pageSummaries, searchAnnotations } from '../db/queries';
import { documentUrl } from '../document-url';
import { downloadFile } from '../export/download';
import { exportAllText, exportFileName } from '../export/json';
import type { Annotation, Theme } from '../model';
import { currentTab, sendToCurrent, type CurrentTab } from './current-tab';

type Live<T> = Signal<T>;

function live<T>(query: () => Promise<T>, initial: T): Live<T> {
  const value = signal(initial);
  liveQuery(query).subscribe({ next: (v) => (value.value = v), error: (e) => console.error(e) });
  return value;
}

/** The popup's state: Dexie live queries of the extension's own database, and the tab. */
export function createPopupModel(db: AnnotatorDb) {
  const tab = signal<CurrentTab | null>(null);
  const pageAnnotations = signal<Annotation[]>([]);
  const themes: Live<Theme[]> = live(() => listThemes(db), []);
  /** Every annotated page with its count: null until the "All pages" tab first asks for it. */
  const pages = signal<Awaited<ReturnType<typeof pageSummaries>> | null>(null);
  let pagesQuery: { unsubscribe(): void } | null = null;
  const query = signal('');
  const results = signal<Awaited<ReturnType<typeof searchAnnotations>> | null>(null);
  /** A failure to tell the user about. */
  const problem = signal<string | null>(null);

  void currentTab().then((t) => {
    tab.value = t;
    if (!t.url) return;
    const url = documentUrl(t.url);
    liveQuery(() => annotationsForUrl(db, url)).subscribe({ next: (a) => (pageAnnotations.value = a) });
  });

  let searchRun = 0;
  const onQuery = (q: string) => {
    query.value = q;
    const run = ++searchRun;
    if (!q.trim()) return void (results.value = null);
    void searchAnnotations(db, q).then((r) => {
      if (run === searchRun) results.value = r;
    });
  };

  return {
    tab,
    pageAnnotations,
    themes,
    pages,
    query,
    results,
    problem,
    onQuery,
    /**
     * Starts reading the page list (documents and their counts), once: only "All pages" shows
     * it, so opening the popup on "This page" reads no more than the page's own annotations.
     */
    loadPages: () => {
      pagesQuery ??= liveQuery(() => pageSummaries(db)).subscribe({
        next: (v) => (pages.value = v),
        error: (e) => console.error(e),
      });
    },
    /** Scrolls the page to an annotation and flashes it. */
    reveal: (id: string) => {
      if (tab.value) void sendToCurrent(tab.value, 'annotation/reveal', { id }).catch(() => undefined);
    },
    /** Switches the annotator on in this tab (the popup holds the activeTab grant). */
    activate: async () => {
      const t = tab.value;
      if (t?.id === undefined) return;
      problem.value = null;
      try {
        await ensureRunning(t.id);
        tab.value = await currentTab();
      } catch (error) {
        problem.value = `Could not switch on for this page: ${(error as Error).message}`;
      }
    },
    /** Asks for the site's permission; the background switches the site on once granted. */
    alwaysOn: async () => {
      problem.value = null;
      const granted = tab.value?.url ? await requestSite(tab.value.url).catch(() => false) : false;
      if (!granted)
        problem.value = 'Permission for this site was not given, so the annotator stays off here.';
    },
    /** Shows the tab's PDF in the extension's viewer instead of the browser's. */
    openInViewer: async () => {
      const t = tab.value;
      if (t?.id !== undefined && t.url) await browser.tabs.update(t.id, { url: viewerUrl(t.url) });
    },
    openDashboard: () => browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }),
    /** Opens the viewer with no document, to choose or drop a local PDF. */
    openLocalPdf: () => browser.tabs.create({ url: browser.runtime.getURL('/viewer.html') }),
    exportJson: async () => {
      const now = new Date();
      // The same text as JSON.stringify(await exportAll(db, now), null, 2), in half the time.
      downloadFile(await exportAllText(db, now), exportFileName(now), 'application/json');
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
