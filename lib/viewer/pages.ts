import { PixelsPerInch, TextLayer } from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { mostVisiblePage, outputRatio, type PageBox } from './geometry';
import { clampZoom, fitWidthScale, type Zoom } from './zoom';

/** CSS pixels per PDF point at 100%, as in pdf.js's own viewer (96 / 72). */
const CSS_UNITS = PixelsPerInch.PDF_TO_CSS_UNITS;
/** Pages this far outside the view (as a share of its height) get their canvas drawn ahead. */
const DRAW_AHEAD = '100% 0px';
/** Vertical space between pages, in CSS pixels (keep in step with components/viewer/viewer.css). */
export const PAGE_GAP = 12;
/** Canvases of pages out of view and further than this from the current page are dropped. */
const KEEP_CANVASES_WITHIN = 3;

interface PageView {
  readonly number: number;
  readonly el: HTMLDivElement;
  readonly canvasWrapper: HTMLDivElement;
  readonly textLayerEl: HTMLDivElement;
  /** CSS pixels at 100%. */
  width: number;
  height: number;
  proxy: PDFPageProxy | null;
  textLayer: TextLayer | null;
  /** The scale the text layer was laid out for. */
  textScale: number;
  canvas: HTMLCanvasElement | null;
  /** The scale the canvas was drawn at; 0 when there is none. */
  canvasScale: number;
  task: RenderTask | null;
  visible: boolean;
}

export interface PdfPagesOptions {
  pdf: PDFDocumentProxy;
  /** The element the pages go in: it holds every page's text layer (the annotator's root). */
  container: HTMLElement;
  /** The element that scrolls the pages (positioned, so pages' offsetTop are measured in it). */
  scroller: HTMLElement;
  zoom?: 'fit-width' | number;
  onPageChange?(page: number): void;
  onZoomChange?(zoom: Zoom): void;
  /** Called as each text layer is built, in page order. */
  onTextLayer?(layer: HTMLElement, page: number): void;
  onError?(error: unknown): void;
}

/**
 * The pages of a PDF in a scrolling column. Every page is laid out at once as a placeholder of
 * its size; every text layer is built up front, in page order (so annotations anywhere can be
 * anchored); canvases are drawn only as pages come near the view, page 1 first, and dropped
 * again far from it.
 *
 * Each page element carries `data-page` (1-based) and each text item's span `data-item` (its
 * index in the page's getTextContent().items), which lib/viewer/cite.ts reads.
 */
export class PdfPages {
  private readonly views: PageView[] = [];
  private readonly byElement = new Map<Element, PageView>();
  private readonly doc: Document;
  private readonly win: Window;
  private zoomState: Zoom;
  private observer: IntersectionObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private readonly queue = new Set<PageView>();
  private drawing = false;
  private current = 1;
  /** After a jump to a page, that page stays current until the user scrolls. */
  private pinned: { page: number; scrollTop: number } | null = null;
  private frame = 0;
  private destroyed = false;

  constructor(private readonly options: PdfPagesOptions) {
    this.doc = options.container.ownerDocument;
    this.win = this.doc.defaultView!;
    const zoom = options.zoom ?? 'fit-width';
    this.zoomState =
      zoom === 'fit-width' ? { mode: 'fit-width', scale: 1 } : { mode: 'scale', scale: clampZoom(zoom) };
  }

  get count(): number {
    return this.options.pdf.numPages;
  }

  get page(): number {
    return this.current;
  }

  get zoom(): Zoom {
    return this.zoomState;
  }

  private get scale(): number {
    return this.zoomState.scale;
  }

  /**
   * Lays the pages out, draws page 1, then builds every page's text layer in order. Resolves
   * with every page's text content once all text layers are built.
   */
  async start(): Promise<TextContent[]> {
    const { pdf, container, scroller } = this.options;
    const first = await pdf.getPage(1);
    if (this.destroyed) return [];
    const size = first.getViewport({ scale: CSS_UNITS });
    for (let number = 1; number <= pdf.numPages; number++) {
      const view = this.createView(number, size.width, size.height);
      this.views.push(view);
      this.byElement.set(view.el, view);
      container.append(view.el);
    }
    this.views[0]!.proxy = first;
    if (this.zoomState.mode === 'fit-width') this.zoomState.scale = this.fitScale();
    this.layOut();
    this.options.onZoomChange?.(this.zoomState);

    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(
      () => this.zoomState.mode === 'fit-width' && this.setZoom('fit-width'),
    );
    this.resizeObserver.observe(scroller);

    // Page 1 first, before anything else, so the report shows at once.
    const firstView = this.views[0]!;
    firstView.visible = true;
    await this.draw(firstView).catch((error) => this.options.onError?.(error));
    if (this.destroyed) return [];
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      root: scroller,
      rootMargin: DRAW_AHEAD,
    });
    for (const view of this.views) this.observer.observe(view.el);

    const contents: TextContent[] = [];
    for (const view of this.views) {
      if (this.destroyed) break;
      contents.push(await this.buildTextLayer(view));
    }
    TextLayer.cleanup();
    return contents;
  }

  /** Changes the zoom, keeping the same place of the current page in view. */
  setZoom(zoom: 'fit-width' | number): void {
    const scale = zoom === 'fit-width' ? this.fitScale() : clampZoom(zoom);
    const mode = zoom === 'fit-width' ? 'fit-width' : 'scale';
    const changed = scale !== this.scale;
    this.zoomState = { mode, scale };
    if (changed && this.views.length) {
      const { scroller } = this.options;
      const view = this.views[this.current - 1]!;
      const into = (scroller.scrollTop - view.el.offsetTop) / (view.el.offsetHeight || 1);
      const centre = scroller.scrollLeft + scroller.clientWidth / 2;
      const oldWidth = scroller.scrollWidth || 1;
      this.layOut();
      scroller.scrollTop = view.el.offsetTop + into * view.el.offsetHeight;
      scroller.scrollLeft = (centre * scroller.scrollWidth) / oldWidth - scroller.clientWidth / 2;
      if (this.pinned) this.pinned.scrollTop = scroller.scrollTop;
      for (const v of this.views) {
        v.task?.cancel();
        if (v.visible) this.queue.add(v);
      }
      void this.pump();
    }
    this.options.onZoomChange?.(this.zoomState);
  }

  /** Scrolls page `number` (1-based) to the top of the view. */
  scrollToPage(number: number): void {
    const view = this.views[Math.min(this.views.length, Math.max(1, number)) - 1];
    if (!view) return;
    const { scroller } = this.options;
    scroller.scrollTop = view.el.offsetTop - PAGE_GAP / 2;
    this.pinned = { page: view.number, scrollTop: scroller.scrollTop };
    this.setCurrent(view.number);
  }

  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    this.options.scroller.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.frame);
    for (const view of this.views) {
      view.task?.cancel();
      view.textLayer?.cancel();
      view.el.remove();
    }
    this.queue.clear();
  }

  private createView(number: number, width: number, height: number): PageView {
    const el = this.doc.createElement('div');
    el.className = 'pdf-page';
    el.dataset.page = String(number);
    const canvasWrapper = this.doc.createElement('div');
    canvasWrapper.className = 'canvas-wrapper';
    canvasWrapper.setAttribute('aria-hidden', 'true');
    const textLayerEl = this.doc.createElement('div');
    textLayerEl.className = 'textLayer';
    el.append(canvasWrapper, textLayerEl);
    return {
      number,
      el,
      canvasWrapper,
      textLayerEl,
      width,
      height,
      proxy: null,
      textLayer: null,
      textScale: 0,
      canvas: null,
      canvasScale: 0,
      task: null,
      visible: false,
    };
  }

  /** Sizes every page (and text layer) for the current scale. */
  private layOut(): void {
    this.options.container.style.setProperty('--total-scale-factor', String(this.scale * CSS_UNITS));
    for (const view of this.views) this.size(view);
  }

  private size(view: PageView): void {
    view.el.style.width = `${Math.floor(view.width * this.scale)}px`;
    view.el.style.height = `${Math.floor(view.height * this.scale)}px`;
    if (view.textLayer && view.proxy && view.textScale !== this.scale) {
      view.textLayer.update({ viewport: view.proxy.getViewport({ scale: this.scale * CSS_UNITS }) });
      view.textScale = this.scale;
    }
  }

  /** The scale that fits the current page's width to the scroller. */
  private fitScale(): number {
    const view = this.views[this.current - 1] ?? this.views[0];
    return view ? fitWidthScale(this.options.scroller.clientWidth, view.width) : 1;
  }

  private async proxy(view: PageView): Promise<PDFPageProxy> {
    if (!view.proxy) {
      view.proxy = await this.options.pdf.getPage(view.number);
      // Pages were laid out at page 1's size: correct this one's if it differs.
      const { width, height } = view.proxy.getViewport({ scale: CSS_UNITS });
      if (width !== view.width || height !== view.height) {
        view.width = width;
        view.height = height;
        this.size(view);
      }
    }
    return view.proxy;
  }

  private async buildTextLayer(view: PageView): Promise<TextContent> {
    const proxy = await this.proxy(view);
    const content = await proxy.getTextContent();
    const scale = this.scale;
    const layer = new TextLayer({
      textContentSource: content,
      container: view.textLayerEl,
      viewport: proxy.getViewport({ scale: scale * CSS_UNITS }),
    });
    await layer.render();
    // Without marked content, pdf.js makes one span per item, in order (empty ones stay out of the DOM).
    layer.textDivs.forEach((span, index) => span.setAttribute('data-item', String(index)));
    view.textLayer = layer;
    view.textScale = scale;
    if (scale !== this.scale) this.size(view); // the zoom changed meanwhile
    this.options.onTextLayer?.(view.textLayerEl, view.number);
    return content;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const view = this.byElement.get(entry.target);
      if (!view) continue;
      view.visible = entry.isIntersecting;
      if (view.visible) this.queue.add(view);
    }
    void this.pump();
  }

  /** Draws queued pages one at a time, the nearest to the current page first. */
  private async pump(): Promise<void> {
    if (this.drawing) return;
    this.drawing = true;
    try {
      while (this.queue.size && !this.destroyed) {
        let next: PageView | undefined;
        for (const view of this.queue) {
          if (!next || Math.abs(view.number - this.current) < Math.abs(next.number - this.current))
            next = view;
        }
        this.queue.delete(next!);
        if (!next!.visible || next!.canvasScale === this.scale) continue;
        await this.draw(next!).catch((error) => this.options.onError?.(error));
        this.dropFarCanvases();
      }
    } finally {
      this.drawing = false;
    }
  }

  private async draw(view: PageView): Promise<void> {
    const scale = this.scale;
    const proxy = await this.proxy(view);
    const viewport = proxy.getViewport({ scale: scale * CSS_UNITS });
    const ratio = outputRatio(viewport.width, viewport.height, this.win.devicePixelRatio);
    const canvas = this.doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const task = proxy.render({
      canvas,
      viewport,
      ...(ratio !== 1 && { transform: [ratio, 0, 0, ratio, 0, 0] }),
    });
    view.task = task;
    try {
      await task.promise;
    } catch (error) {
      if ((error as Error | null)?.name === 'RenderingCancelledException') return;
      throw error;
    } finally {
      if (view.task === task) view.task = null;
    }
    if (this.destroyed || scale !== this.scale) return; // zoomed meanwhile: drawn again later
    view.canvas?.remove();
    view.canvasWrapper.append(canvas);
    view.canvas = canvas;
    view.canvasScale = scale;
  }

  private dropFarCanvases(): void {
    for (const view of this.views) {
      if (!view.canvas || view.visible || Math.abs(view.number - this.current) <= KEEP_CANVASES_WITHIN)
        continue;
      view.canvas.width = view.canvas.height = 0; // frees its memory at once
      view.canvas.remove();
      view.canvas = null;
      view.canvasScale = 0;
    }
  }

  private readonly onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const { scroller } = this.options;
      if (this.pinned && Math.abs(scroller.scrollTop - this.pinned.scrollTop) < 2) return;
      this.pinned = null;
      const boxes: PageBox[] = this.views.map((v) => ({ top: v.el.offsetTop, height: v.el.offsetHeight }));
      this.setCurrent(mostVisiblePage(boxes, scroller.scrollTop, scroller.clientHeight));
    });
  };

  private setCurrent(page: number): void {
    if (page === this.current) return;
    this.current = page;
    this.options.onPageChange?.(page);
  }
}
