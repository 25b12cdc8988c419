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

/**
 * Draws marks as boxes over the text, in an element of the extension's closed shadow root:
 * nothing is added to the page's own DOM, and no range is put where page scripts can read it.
 * Boxes are placed in document px, so they scroll with the document at no cost; marks inside
 * a scrolling element are drawn in a group of their own, clipped to it and moved as it scrolls.
 */
export class BoxLayer {
  private groups: Group[] = [];
  private marks: readonly Mark[] = [];

  constructor(
    private readonly layer: HTMLElement,
    private readonly doc: Document,
  ) {}

  get isEmpty(): boolean {
    return this.marks.length === 0;
  }

  /** Replaces every mark. */
  draw(marks: readonly Mark[]): void {
    this.marks = marks;
    this.redraw();
  }

  /** Places every box again, after the page's layout changed (resize, zoom, fonts, content). */
  redraw(): void {
    const frames = new ScrollFrames(this.doc);
    const byFrame = new Map<Element | null, { frame: ScrollFrame | null; marks: Mark[] }>();
    for (const mark of this.marks) {
      if (!mark.range.startContainer.isConnected) continue;
      const frame = frames.of(mark.range.commonAncestorContainer);
      const key = frame?.element ?? null;
      let entry = byFrame.get(key);
      if (!entry) byFrame.set(key, (entry = { frame, marks: [] }));
      entry.marks.push(mark);
    }
    const origin = this.origin();
    this.groups = [...byFrame.values()].map(({ frame, marks }) =>
      this.drawGroup(frame, marks, frames, origin),
    );
    this.layer.replaceChildren(...this.groups.map((g) => g.clipEl));
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
