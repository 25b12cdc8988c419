import { lineBoxes, textRects, type Box } from './boxes';
import { contentOrigin, ScrollFrames, type ScrollFrame } from './scroll-frames';

/** A range to draw, and how its boxes look (an inline style). */
export interface Mark {
  range: Range;
  look: string;
}

/** The marks that move together: with the document, or with one scrolling or fixed frame. */
interface Group {
  frame: ScrollFrame | null;
  marks: Mark[];
  /** Clips the boxes to what the frame shows. */
  clipEl: HTMLElement;
  /** Holds the boxes, in layer px; moved as a whole when the frame scrolls. */
  boxesEl: HTMLElement;
  /** Where the frame's content started, in layer px, when the boxes were drawn. */
  drawnAt: { x: number; y: number } | null;
}

interface Origin {
  x: number;
  y: number;
}

/** Marks whose text may be on screen within this share of the viewport's size around it are drawn first. */
const NEAR_VIEWPORT = 0.5;
/** A deferred batch stops after this long, leaving the rest to the next idle time. */
const BATCH_MS = 8;
/** Deferred marks are drawn within this long even on a page that is never idle. */
const IDLE_TIMEOUT_MS = 200;

/**
 * Draws marks as boxes over the text, in an element of the extension's closed shadow root:
 * nothing is added to the page's own DOM, and no range is put where page scripts can read it.
 * Boxes are placed in document px, so they scroll with the document at no cost; marks inside
 * a scrolling element are drawn in a group of their own, clipped to it and moved as it scrolls.
 *
 * Measuring a range's text rects is what costs (a millisecond for ten or so on a long page),
 * so marks whose text may be on screen are drawn at once and the rest after the next frame,
 * in idle time, a batch at a time: the reader sees every highlight in view in the first frame.
 * Whether a mark may be on screen is told by the box of the element that holds its range, a
 * rect the browser already knows.
 */
export class BoxLayer {
  private groups: Group[] = [];
  private marks: readonly Mark[] = [];
  /** Marks still to draw after the next frame, and the work scheduled for them. */
  private deferred: Mark[] = [];
  private scheduled: (() => void) | null = null;
  private drawn: Array<() => void> = [];
  /** When the marks still deferred were first put off. */
  private deferredSince = 0;

  constructor(
    private readonly layer: HTMLElement,
    private readonly doc: Document,
  ) {}

  get isEmpty(): boolean {
    return this.marks.length === 0;
  }

  /** Resolves once every mark has its boxes (some are drawn after the first frame). */
  whenDrawn(): Promise<void> {
    if (this.deferred.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drawn.push(resolve));
  }

  /** Replaces every mark. */
  draw(marks: readonly Mark[]): void {
    this.marks = marks;
    this.redraw();
  }

  /** Places every box again, after the page's layout changed (resize, zoom, fonts, content). */
  redraw(): void {
    // A page that changes every frame must not keep the deferred marks from being drawn: once
    // some have waited IDLE_TIMEOUT_MS, everything is drawn at once.
    const since = this.deferred.length > 0 ? this.deferredSince : performance.now();
    const overdue = performance.now() - since > IDLE_TIMEOUT_MS;
    this.cancelDeferred();
    this.deferredSince = since;
    const now: Mark[] = [];
    const later: Mark[] = [];
    const win = this.doc.defaultView;
    const width = win?.innerWidth ?? 0;
    const height = win?.innerHeight ?? 0;
    const [left, right] = [-width * NEAR_VIEWPORT, width * (1 + NEAR_VIEWPORT)];
    const [top, bottom] = [-height * NEAR_VIEWPORT, height * (1 + NEAR_VIEWPORT)];
    for (const mark of this.marks) {
      if (!mark.range.startContainer.isConnected) continue;
      if (overdue) {
        now.push(mark);
        continue;
      }
      const holder = elementOf(mark.range.commonAncestorContainer);
      const box = holder?.getBoundingClientRect();
      // No box (display: contents, say) tells nothing: draw it now.
      const unknown = !box || (box.width === 0 && box.height === 0);
      const off = !unknown && (box.right < left || box.left > right || box.bottom < top || box.top > bottom);
      (off ? later : now).push(mark);
    }
    this.groups = [];
    this.layer.replaceChildren();
    this.drawMarks(now);
    this.deferred = later;
    if (later.length > 0) this.scheduleDeferred();
    else this.settle();
  }

  /** Draws marks in new groups, one a frame they move with, added to the layer. */
  private drawMarks(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    const frames = new ScrollFrames(this.doc);
    const byFrame = new Map<Element | null, { frame: ScrollFrame | null; marks: Mark[] }>();
    for (const mark of marks) {
      if (!mark.range.startContainer.isConnected) continue;
      const frame = frames.of(mark.range.commonAncestorContainer);
      const key = frame?.element ?? null;
      let entry = byFrame.get(key);
      if (!entry) byFrame.set(key, (entry = { frame, marks: [] }));
      entry.marks.push(mark);
    }
    const origin = this.origin();
    const groups = [...byFrame.values()].map(({ frame, marks }) =>
      this.drawGroup(frame, marks, frames, origin),
    );
    this.groups.push(...groups);
    this.layer.append(...groups.map((g) => g.clipEl));
  }

  /** After the next frame, in idle time: the deferred marks, a batch at a time. */
  private scheduleDeferred(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    let cancelled = false;
    let frame = 0;
    let idle = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const batch = (deadline?: IdleDeadline) => {
      if (cancelled) return;
      const started = performance.now();
      // Never longer than BATCH_MS, however long the idle period: a click or a key must not wait.
      const spent = () =>
        performance.now() - started >= BATCH_MS ||
        (deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() <= 1);
      let k = 0;
      // Measure and draw a handful at a time until the time is spent.
      while (k < this.deferred.length) {
        const next = this.deferred.slice(k, k + 10);
        k += next.length;
        this.drawMarks(next);
        if (spent()) break;
      }
      this.deferred = this.deferred.slice(k);
      if (this.deferred.length > 0) wait();
      else {
        this.scheduled = null;
        this.settle();
      }
    };
    const wait = () => {
      if (typeof win.requestIdleCallback === 'function') {
        idle = win.requestIdleCallback(batch, { timeout: IDLE_TIMEOUT_MS });
      } else timer = setTimeout(batch, 0);
    };
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      wait();
    });
    this.scheduled = () => {
      cancelled = true;
      if (frame) win.cancelAnimationFrame(frame);
      if (idle) win.cancelIdleCallback?.(idle);
      clearTimeout(timer);
    };
  }

  private cancelDeferred(): void {
    this.scheduled?.();
    this.scheduled = null;
    this.deferred = [];
  }

  private settle(): void {
    const drawn = this.drawn;
    this.drawn = [];
    for (const resolve of drawn) resolve();
  }

  /**
   * After elements (or the document) scrolled: a group whose own frame scrolled is moved as a
   * whole; one that moves for other reasons (a frame around it scrolled, or it is fixed to
   * the viewport and the document scrolled) is drawn again. The rest need nothing.
   */
  scrolled(targets: ReadonlySet<EventTarget>): void {
    if (this.groups.length === 0) return;
    const frames = new ScrollFrames(this.doc);
    let origin: Origin | undefined;
    this.groups = this.groups.map((group) => {
      const moved = movedBy(group, targets, frames);
      if (moved === 'not') return group;
      origin ??= this.origin();
      if (moved === 'own-scroll' && group.drawnAt) {
        const now = contentOrigin(group.frame!.element);
        const dx = now.x - origin.x - group.drawnAt.x;
        const dy = now.y - origin.y - group.drawnAt.y;
        group.boxesEl.style.transform = `translate(${dx}px, ${dy}px)`;
        placeClip(group, frames.clip(group.frame), origin);
        return group;
      }
      const redrawn = this.drawGroup(group.frame, group.marks, frames, origin);
      group.clipEl.replaceWith(redrawn.clipEl);
      return redrawn;
    });
  }

  /** Where layer px start, in viewport px (the layer moves with the document). */
  private origin(): Origin {
    const rect = this.layer.getBoundingClientRect();
    return { x: rect.left, y: rect.top };
  }

  private drawGroup(frame: ScrollFrame | null, marks: Mark[], frames: ScrollFrames, origin: Origin): Group {
    const clipEl = this.doc.createElement('div');
    const boxesEl = this.doc.createElement('div');
    clipEl.append(boxesEl);
    const group: Group = { frame, marks, clipEl, boxesEl, drawnAt: null };
    placeClip(group, frames.clip(frame), origin);
    if (frame?.scrolls) {
      const start = contentOrigin(frame.element);
      group.drawnAt = { x: start.x - origin.x, y: start.y - origin.y };
    }
    for (const mark of marks) {
      // One element a mark, holding a box a line.
      const markEl = this.doc.createElement('div');
      for (const box of lineBoxes(textRects(mark.range))) {
        const el = this.doc.createElement('div');
        el.style.cssText = `${boxStyle(box, origin)}${mark.look}`;
        markEl.append(el);
      }
      boxesEl.append(markEl);
    }
    return group;
  }
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** How a group must follow a scroll: not at all, by moving (its own frame scrolled), or drawn again. */
function movedBy(group: Group, targets: ReadonlySet<EventTarget>, frames: ScrollFrames) {
  const own = group.frame?.element;
  if (!own) return 'not';
  let redraw = false;
  let ownScroll = false;
  for (const target of targets) {
    if (target === own) ownScroll = true;
    else if (target instanceof Node && target.contains(own)) redraw = true;
    else if (target === own.ownerDocument && followsViewport(group.frame!, frames)) redraw = true;
  }
  if (redraw || (ownScroll && !group.frame!.scrolls)) return 'redraw';
  return ownScroll ? 'own-scroll' : 'not';
}

/** Whether a frame, or one around it, is fixed or sticky: it moves against the document as it scrolls. */
function followsViewport(frame: ScrollFrame, frames: ScrollFrames): boolean {
  for (let f: ScrollFrame | null = frame; f; f = frames.parent(f)) if (!f.scrolls || f.fixed) return true;
  return false;
}

function placeClip(group: Group, clip: Box | null, origin: Origin): void {
  const { clipEl, boxesEl } = group;
  if (!clip) {
    clipEl.style.cssText = 'position:absolute;left:0;top:0;';
    boxesEl.style.left = boxesEl.style.top = '0';
    boxesEl.style.position = 'absolute';
    return;
  }
  const left = clip.left - origin.x;
  const top = clip.top - origin.y;
  clipEl.style.cssText = `position:absolute;overflow:hidden;${boxStyle(clip, origin)}`;
  boxesEl.style.position = 'absolute';
  boxesEl.style.left = `${-left}px`;
  boxesEl.style.top = `${-top}px`;
}

function boxStyle(box: Box, origin: Origin): string {
  return `position:absolute;left:${box.left - origin.x}px;top:${box.top - origin.y}px;width:${box.width}px;height:${box.height}px;`;
}
