// The dashboard's state. Everything is loaded once (see live.ts) and every view is a computed
// signal over it, so a change of filter costs one pass over the annotations and no reads.

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ImportOptions } from '../db/import';
import { quoteLink } from '../export/links';
import type { Annotation, Theme } from '../model';
import { compareDocuments } from './compare';
import { indexData, type DashboardData, type DocumentEntry } from './documents';
import {
  buildExportFile,
  buildWordFile,
  briefingInput,
  type ExportBuilders,
  type ExportKind,
} from './exports';
import { filterAnnotations, NO_FILTER, type DashboardFilter } from './filter';
import { documentHref } from './format';
import { briefingPictures } from './pictures';
import { describeScope, themeSeverityTable } from './table';
import { authoritiesWithReports, visitsOverTime } from './visits';

/** How many filtered annotations the list shows at first, and how many more each "Show more" adds. */
export const PAGE_SIZE = 200;

/** A file the user chose to import (a File, or anything with its size and text). */
export interface ImportableFile {
  size: number;
  text(): Promise<string>;
}

/** What the dashboard does beyond its own state; live.ts gives the real ones. */
export interface DashboardDeps {
  builders: ExportBuilders;
  download(contents: string | Uint8Array, fileName: string, type: string): void;
  /** Draws a picture's SVG as a PNG for the Word briefing; without it, pictures go in as tables. */
  rasterise?(svg: string, width: number, height: number): Promise<Uint8Array>;
  copyText(text: string): Promise<void>;
  /**
   * Imports a file into the database and says what it did ("3 added, 1 updated, 0 unchanged"),
   * reporting progress and stopping (writing nothing) when `options.signal` aborts.
   */
  importFile(file: ImportableFile, options?: ImportOptions): Promise<string>;
  /** The PDF viewer's address for a report at `address`. */
  viewerUrl(address: string): string;
  now(): Date;
}

const EMPTY_DATA: DashboardData = { annotations: [], documents: [], themes: [] };

/** The dashboard over `data` (null while it loads). */
export function createDashboardModel(data: ReadonlySignal<DashboardData | null>, deps: DashboardDeps) {
  const loaded = computed(() => data.value !== null);
  const index = computed(() => indexData(data.value ?? EMPTY_DATA));
  const themes = computed<Theme[]>(() => data.value?.themes ?? []);

  const filter = signal<DashboardFilter>(NO_FILTER);
  /** The user in the connected team space (their user name and name), for "Mine". */
  const me = signal<{ user: string; name: string } | null>(null);
  /** Whether briefings name who wrote each quote (shown when the annotations have authors). */
  const namesInBriefings = signal(true);
  const shown = signal(PAGE_SIZE);
  const selected = signal<ReadonlySet<string>>(new Set());
  const compareFirst = signal('');
  const compareSecond = signal('');

  const filtered = computed(() => filterAnnotations(index.value, filter.value, me.value?.user));
  const visible = computed(() => filtered.value.slice(0, shown.value));
  const scope = computed(() => describeScope(filter.value, index.value));
  const table = computed(() => themeSeverityTable(filtered.value, themes.value));
  const selectedAnnotations = computed(() => {
    const ids = selected.value;
    return ids.size === 0 ? [] : index.value.ordered.filter((a) => ids.has(a.id));
  });
  /** What the export buttons act on: the selected annotations if any, else the filtered ones. */
  const exportTarget = computed(() =>
    selectedAnnotations.value.length > 0
      ? { annotations: selectedAnnotations.value, selection: true, title: undefined }
      : {
          annotations: filtered.value,
          selection: false,
          title: ['document', 'authority', 'site'].includes(scope.value.kind)
            ? `Ofsted briefing: ${scope.value.label}`
            : undefined,
        },
  );
  const comparison = computed(() =>
    compareDocuments(index.value, themes.value, compareFirst.value, compareSecond.value),
  );

  const hrefs = new WeakMap<DocumentEntry, string | null>();

  function setFilter(changes: Partial<DashboardFilter>) {
    batch(() => {
      filter.value = { ...filter.value, ...changes };
      shown.value = PAGE_SIZE;
    });
  }

  function setDocuments(urls: Iterable<string>) {
    setFilter({ documents: [...new Set(urls)] });
  }

  function input(annotations: readonly Annotation[]) {
    return briefingInput(annotations, index.value.records, themes.value);
  }

  /**
   * The Word briefing, with the pictures the dashboard shows of what it covers: the heat map
   * (of the selection, when exporting one), the authority's visits over time when the filter
   * is one authority, and the comparison when two documents are chosen.
   */
  async function exportWord(): Promise<void> {
    const { annotations, title, selection } = exportTarget.value;
    const place = scope.value;
    const authority =
      place.kind === 'authority' && authoritiesWithReports(index.value).includes(place.label)
        ? place.label
        : null;
    const pictures = briefingPictures({
      table: selection ? themeSeverityTable(annotations, themes.value) : table.value,
      scope: selection ? 'selected annotations' : place.label,
      visits: authority ? visitsOverTime(index.value, authority) : undefined,
      comparison: comparison.value,
      themes: themes.value,
    });
    const file = await buildWordFile(input(annotations), {
      builders: deps.builders,
      now: deps.now(),
      viewerUrl: deps.viewerUrl,
      title,
      authors: namesInBriefings.value,
      pictures,
      ...(deps.rasterise && { rasterise: deps.rasterise }),
    });
    deps.download(file.contents, file.fileName, file.type);
  }

  return {
    loaded,
    index,
    themes,
    filter,
    me,
    namesInBriefings,
    filtered,
    visible,
    shown,
    scope,
    table,
    selected,
    selectedAnnotations,
    exportTarget,
    compareFirst,
    compareSecond,
    comparison,
    setFilter,
    clearFilters: () => setFilter(NO_FILTER),
    /** Adds the document to the documents filter, or takes it out. */
    toggleDocument(url: string) {
      const current = filter.value.documents;
      setDocuments(current.includes(url) ? current.filter((u) => u !== url) : [...current, url]);
    },
    /** Adds every document of the group to the documents filter, or (when all are in it) takes them out. */
    toggleGroup(key: string) {
      const group = index.value.groups.find((g) => g.key === key);
      if (!group) return;
      const current = new Set(filter.value.documents);
      const urls = group.documents.map((d) => d.url);
      if (urls.every((u) => current.has(u))) for (const u of urls) current.delete(u);
      else for (const u of urls) current.add(u);
      setDocuments(current);
    },
    showMore: () => void (shown.value += PAGE_SIZE),
    toggleSelected(id: string) {
      const next = new Set(selected.value);
      if (!next.delete(id)) next.add(id);
      selected.value = next;
    },
    /** Selects every filtered annotation (shown or not). */
    selectAllFiltered: () => void (selected.value = new Set(filtered.value.map((a) => a.id))),
    clearSelection: () => void (selected.value = new Set()),
    /** Downloads the export of one kind of the selected annotations, or else the filtered ones. */
    exportAs(kind: ExportKind): void | Promise<void> {
      if (kind === 'word') return exportWord();
      const { annotations, title } = exportTarget.value;
      const file = buildExportFile(kind, input(annotations), {
        builders: deps.builders,
        now: deps.now(),
        viewerUrl: deps.viewerUrl,
        title,
        authors: namesInBriefings.value,
      });
      deps.download(file.contents, file.fileName, file.type);
    },
    /** Copies the selected annotations' quotes as Markdown; resolves to how many. */
    async copySelected(): Promise<number> {
      const annotations = selectedAnnotations.value;
      await deps.copyText(deps.builders.markdownQuotes(input(annotations), { viewerUrl: deps.viewerUrl }));
      return annotations.length;
    },
    importFile: (file: ImportableFile, options?: ImportOptions) => deps.importFile(file, options),
    /** Opens the document at the quote (null for a PDF from this computer). */
    quoteHref: (annotation: Annotation) =>
      (isLinkable(annotation.url) && quoteLink(annotation, deps.viewerUrl)) || undefined,
    documentHref: (entry: DocumentEntry) => {
      // The document list renders a step at a time after the first paint: each entry's link is made once.
      let href = hrefs.get(entry);
      if (href === undefined) hrefs.set(entry, (href = documentHref(entry, deps.viewerUrl) ?? null));
      return href ?? undefined;
    },
  };
}

/** Whether a document's address may become a link: http, https or file (never javascript: and the like). */
function isLinkable(url: string): boolean {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
