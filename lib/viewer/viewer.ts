import { batch, signal } from '@preact/signals';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { HighlightApiPainter } from '../highlight/highlight-api-painter';
import type { ImprovementItem } from '../pdf/improvement-items';
import type { ReportDetails, Theme } from '../model';
import { PageAnnotator } from '../page/annotator';
import { Overlay } from '../page/overlay';
import { listenForUser } from '../page/wire';
import { listItems, type AnnotationListItem } from './annotation-list';
import { cite, rangeItems, type PlaceOf } from './cite';
import { isWebAddress } from './file-param';
import { pageKeyDirection } from './keys';
import {
  documentIdentity,
  fetchPdfBytes,
  openPdf,
  openWithPdfjs,
  problemOf,
  requestHostPermission,
  textProblem,
  type OpenPdf,
  type PdfSource,
} from './load';
import { PdfPages } from './pages';
import { badAddressProblem, type LoadProblem } from './problems';
import { trackTextSelection, type TextSelectionTracker } from './text-selection';
import { documentTitle } from './title';
import { createDrafts } from './drafts';
import { draftDeps } from './draft-deps';
import { zoomIn, zoomOut, type Zoom } from './zoom';

/** Marks the viewer's own UI (header, side panel, overlay): selections there are not annotated. */
export const OWN_UI_ATTRIBUTE = 'data-viewer-ui';

export function isViewerUi(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
}

/** What the report says about itself, and where each text item stands (lib/pdf/report-structure.ts). */
export interface ReportReading {
  details: ReportDetails | null;
  placeOf?: PlaceOf;
  /** Running headers, footers and page numbers: left out of the text that is quoted. */
  isRunning?: (page: number, itemIndex: number) => boolean;
  /** The items listed under "What needs to improve?" and the like (lib/pdf/improvement-items.ts). */
  improvementItems?: ImprovementItem[];
}

export interface ViewerDeps {
  doc?: Document;
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  open?: OpenPdf;
  requestPermission?: (origin: string) => Promise<boolean>;
  /** Reads the report's details and paragraph numbers from every page's text, once it is all built. */
  readReport?: (contents: TextContent[]) => ReportReading;
  /** Where unexpected failures go (a page that fails to draw). */
  report?: (error: unknown) => void;
}

/**
 * Takes running headers, footers and page numbers out of the text layer, so a quote that runs
 * over a page break reads as the report does (they stay drawn on the canvas).
 */
function hideRunningText(pagesEl: Element, isRunning: (page: number, itemIndex: number) => boolean): void {
  for (const span of pagesEl.querySelectorAll<HTMLElement>('[data-page] [data-item]')) {
    const page = Number(span.closest<HTMLElement>('[data-page]')!.dataset.page);
    if (isRunning(page, Number(span.dataset.item))) span.hidden = true;
  }
}

export type ViewerPhase = 'choose' | 'loading' | 'ready' | 'failed';

/**
 * The PDF viewer's state and actions. It owns the DOM pdf.js draws into (`scroller`, holding
 * the pages) and the overlay the annotation dialog opens in; the page's Preact components
 * show the rest from its signals.
 */
export function createViewer(deps: ViewerDeps = {}) {
  const doc = deps.doc ?? document;
  const {
    fetchBytes = (url: string) => fetchPdfBytes(url),
    open = openWithPdfjs,
    requestPermission = requestHostPermission,
    readReport,
    report = (error: unknown) => console.error('Ofsted Annotator:', error),
  } = deps;

  const scroller = doc.createElement('div');
  scroller.className = 'viewer-scroller';
  // A landmark the keyboard can reach, to scroll the pages with the arrow keys.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Report pages');
  const pagesEl = doc.createElement('div');
  pagesEl.className = 'viewer-pages';
  scroller.append(pagesEl);
  const overlayEl = doc.createElement('div');
  overlayEl.className = 'viewer-overlay';
  overlayEl.setAttribute(OWN_UI_ATTRIBUTE, '');

  const phase = signal<ViewerPhase>('choose');
  const problem = signal<LoadProblem | null>(null);
  const title = signal('');
  /** The address the PDF was downloaded from (remote files only). */
  const originalUrl = signal<string | null>(null);
  const details = signal<ReportDetails | null>(null);
  const pageCount = signal(0);
  const page = signal(1);
  const zoom = signal<Zoom>({ mode: 'fit-width', scale: 1 });
  const items = signal<AnnotationListItem[]>([]);
  const themes = signal<Theme[]>([]);
  /** True once every page's text is in place and annotations can be made and found. */
  const annotatable = signal(false);

  const painter = new HighlightApiPainter(doc, CSS.highlights);
  const overlay = new Overlay(overlayEl);
  const target: { url: string; title: string; details: ReportDetails | null } = {
    url: '',
    title: '',
    details: null,
  };
  let placeOf: PlaceOf | undefined;
  let improvementItems: ImprovementItem[] = [];
  let source: PdfSource | null = null;
  let pdf: PDFDocumentProxy | null = null;
  let pages: PdfPages | null = null;
  let annotator: PageAnnotator | null = null;
  let stopListening: (() => void) | null = null;
  let selection: TextSelectionTracker | null = null;
  let run = 0;

  const pageOf = (range: Range) => rangeItems(range)?.start.page;

  const drafts = createDrafts(
    draftDeps({
      doc,
      root: pagesEl,
      items: () => improvementItems,
      isOwnUi: isViewerUi,
      cite: (range) => cite(range, placeOf),
      annotated: () =>
        items.value.flatMap((item) => (item.orphan ? [] : [painter.rangeOf(item.annotation.id)].filter((r) => !!r))),
      target,
      themes: () => themes.value,
      overlay,
      refresh: () => annotator?.refresh() ?? Promise.resolve(),
    }),
  );

  function close(): void {
    run++;
    stopListening?.();
    stopListening = null;
    annotator = null;
    drafts.reset();
    improvementItems = [];
    painter.clear();
    overlay.closeDialog();
    pages?.destroy();
    pages = null;
    selection?.stop();
    selection = null;
    void pdf?.destroy();
    pdf = null;
    batch(() => {
      annotatable.value = false;
      items.value = [];
      details.value = null;
      problem.value = null;
      pageCount.value = 0;
      page.value = 1;
    });
  }

  async function load(from: PdfSource, bytes: () => Promise<Uint8Array>): Promise<void> {
    close();
    const mine = run;
    const current = () => mine === run;
    source = from;
    batch(() => {
      phase.value = 'loading';
      title.value = from.kind === 'local' ? from.name : '';
      originalUrl.value = from.kind === 'remote' ? from.url : null;
    });
    try {
      const opened = await openPdf(await bytes(), open);
      if (!current()) return void opened.destroy();
      pdf = opened;
      // The title may be page 1's heading: its text is quick to read (the canvas takes longer).
      const [metadata, firstText] = await Promise.all([
        opened.getMetadata().catch(() => null),
        opened
          .getPage(1)
          .then((p) => p.getTextContent())
          .catch(() => undefined),
      ]);
      if (!current()) return;
      target.url = documentIdentity(from, opened.fingerprints);
      target.title = documentTitle(metadata?.info as { Title?: unknown } | undefined, firstText, from);
      batch(() => {
        title.value = target.title;
        pageCount.value = opened.numPages;
        phase.value = 'ready';
      });
      const tracker = (selection = trackTextSelection(doc));
      pages = new PdfPages({
        pdf: opened,
        container: pagesEl,
        scroller,
        zoom: zoom.value.mode === 'fit-width' ? 'fit-width' : zoom.value.scale,
        onPageChange: (n) => (page.value = n),
        onZoomChange: (z) => (zoom.value = z),
        onTextLayer: (layer) => tracker.add(layer),
        onError: report,
      });
      const contents = await pages.start();
      if (!current()) return;
      const missing = textProblem(contents);
      if (missing) return void (problem.value = missing);
      const reading = readReport?.(contents);
      details.value = target.details = reading?.details ?? null;
      placeOf = reading?.placeOf;
      improvementItems = reading?.improvementItems ?? [];
      if (reading?.isRunning) hideRunningText(pagesEl, reading.isRunning);
      annotator = new PageAnnotator({
        doc,
        root: pagesEl,
        target,
        cite: (range) => cite(range, placeOf),
        painter,
        overlay,
        isOwnUi: isViewerUi,
        onChange: (state) =>
          batch(() => {
            themes.value = [...state.themes];
            items.value = listItems(state.annotations, state.orphanIds, {
              rangeOf: (id) => painter.rangeOf(id),
              pageOf,
            });
          }),
      });
      await annotator.refresh();
      if (!current()) return;
      stopListening = listenForUser(doc, annotator, isViewerUi);
      annotatable.value = true;
    } catch (error) {
      if (!current()) return;
      problem.value = problemOf(error);
      if (!pages) phase.value = 'failed';
    }
  }

  const pageKeys = (event: KeyboardEvent) => {
    const direction = pageKeyDirection(event);
    if (!direction || !pages) return;
    event.preventDefault();
    goToPage(page.value + direction);
  };
  doc.addEventListener('keydown', pageKeys);

  function goToPage(n: number): void {
    if (!pages) return;
    pages.scrollToPage(Math.min(pageCount.value, Math.max(1, n)));
    page.value = pages.page;
  }

  return {
    /** The scrolling element holding the pages; the page's layout places it. */
    scroller,
    /** Where the annotation dialog and toasts go. */
    overlayElement: overlayEl,
    phase,
    problem,
    title,
    originalUrl,
    details,
    pageCount,
    page,
    zoom,
    items,
    themes,
    annotatable,
    /** "Draft annotations": proposals for the report's improvement items (lib/viewer/drafts.ts). */
    drafts,
    /** Scrolls to a draft's words and flashes them. */
    revealDraft(id: string): void {
      const draft = drafts.drafts.value.find((d) => d.id === id);
      if (!draft) return;
      draft.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      painter.flash(draft.range);
    },

    /** Downloads and shows the PDF at a web address. */
    openAddress(url: string): Promise<void> {
      if (!isWebAddress(url)) {
        close();
        originalUrl.value = null;
        problem.value = badAddressProblem(url);
        phase.value = 'failed';
        return Promise.resolve();
      }
      return load({ kind: 'remote', url }, () => fetchBytes(url));
    },
    /** Shows a PDF the user chose or dropped. */
    openFile(file: File): Promise<void> {
      return load({ kind: 'local', name: file.name }, async () => new Uint8Array(await file.arrayBuffer()));
    },
    /** Asks for the permission a download lacked (in the click's gesture), then tries again. */
    async allowAndRetry(): Promise<void> {
      const wanted = problem.value;
      if (wanted?.kind !== 'permission' || source?.kind !== 'remote') return;
      const url = source.url;
      const granted = await requestPermission(wanted.origin).catch(() => false);
      if (granted) await load({ kind: 'remote', url }, () => fetchBytes(url));
    },
    goToPage,
    previousPage: () => goToPage(page.value - 1),
    nextPage: () => goToPage(page.value + 1),
    zoomIn: () => pages?.setZoom(zoomIn(zoom.value.scale)),
    zoomOut: () => pages?.setZoom(zoomOut(zoom.value.scale)),
    setZoom: (choice: 'fit-width' | number) => {
      if (pages) pages.setZoom(choice);
      else
        zoom.value =
          choice === 'fit-width' ? { mode: 'fit-width', scale: 1 } : { mode: 'scale', scale: choice };
    },
    /** Scrolls to an annotation and flashes it; false when it is not in the document. */
    reveal: (id: string): boolean => annotator?.reveal(id) ?? false,
    /** Loads and paints the report's annotations again (colleagues' changes from the team space). */
    refreshAnnotations: (): Promise<void> => annotator?.refresh() ?? Promise.resolve(),
    /** Opens the dialog for the current selection (the shortcut and context menu). */
    openDialog: (): boolean => annotator?.openDialog() ?? false,
    /** What the popup asks about this tab. */
    status() {
      const s = annotator?.status();
      return {
        url: target.url,
        title: target.title,
        anchoredIds: s?.anchoredIds ?? [],
        orphanIds: s?.orphanIds ?? [],
        ...(details.value && { details: details.value }),
      };
    },
    destroy(): void {
      close();
      doc.removeEventListener('keydown', pageKeys);
    },
  };
}

export type Viewer = ReturnType<typeof createViewer>;
