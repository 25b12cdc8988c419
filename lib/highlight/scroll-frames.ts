import { intersect, type Box } from './boxes';

/**
 * What a painted passage moves with, beyond the document itself: the nearest ancestor that
 * scrolls or clips its content (its boxes are clipped to it and follow its scrolling), or
 * that is fixed or sticky (its boxes follow the viewport). Null for text that simply scrolls
 * with the document, whose boxes need no work when the page scrolls.
 */
export interface ScrollFrame {
  element: Element;
  /** Scrolls or clips its content (overflow other than visible). */
  scrolls: boolean;
  /** Fixed to the viewport: frames around it neither clip nor move it. */
  fixed: boolean;
}

/** Finds frames for elements, asking each element's computed style once per paint. */
export class ScrollFrames {
  private readonly known = new Map<Element, ScrollFrame | null>();
  private readonly win: Window;

  constructor(private readonly doc: Document) {
    this.win = doc.defaultView!;
  }

  /** The frame of a node: of its nearest element ancestor's chain. */
  of(node: Node): ScrollFrame | null {
    const element = node instanceof Element ? node : node.parentElement;
    return element ? this.ofElement(element) : null;
  }

  private ofElement(element: Element): ScrollFrame | null {
    const known = this.known.get(element);
    if (known !== undefined) return known;
    let frame: ScrollFrame | null;
    if (element === this.doc.documentElement || (element === this.doc.body && !this.bodyScrolls())) {
      frame = null;
    } else {
      const style = this.win.getComputedStyle(element);
      const scrolls = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (scrolls || style.position === 'fixed' || style.position === 'sticky') {
        frame = { element, scrolls, fixed: style.position === 'fixed' };
      } else {
        frame = element.parentElement ? this.ofElement(element.parentElement) : null;
      }
    }
    this.known.set(element, frame);
    return frame;
  }

  /** The body is a scrolling box of its own only when the root does not take its overflow. */
  private bodyScrolls(): boolean {
    const root = this.win.getComputedStyle(this.doc.documentElement);
    return root.overflowX !== 'visible' || root.overflowY !== 'visible';
  }

  /** The frame's enclosing frame, if any. */
  parent(frame: ScrollFrame): ScrollFrame | null {
    const parent = frame.element.parentElement;
    return parent ? this.ofElement(parent) : null;
  }

  /**
   * The part of the viewport where a frame's content can show: inside the padding box of it
   * and of every scrolling frame around it (in viewport px); null when nothing clips it.
   */
  clip(frame: ScrollFrame | null): Box | null {
    let clip: Box | null = null;
    for (let f = frame; f; f = this.parent(f)) {
      if (f.scrolls) {
        const inner = paddingBox(f.element);
        clip = clip ? intersect(clip, inner) : inner;
      }
      if (f.fixed) break;
    }
    return clip;
  }
}

function paddingBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  return {
    left: rect.left + element.clientLeft,
    top: rect.top + element.clientTop,
    width: element.clientWidth,
    height: element.clientHeight,
  };
}

/** Where a scrolling frame's content starts now, in viewport px: moves as it scrolls. */
export function contentOrigin(element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return {
    x: rect.left + element.clientLeft - element.scrollLeft,
    y: rect.top + element.clientTop - element.scrollTop,
  };
}
