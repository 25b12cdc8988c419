import type { Severity } from '../model';

export interface PaintedRange {
  id: string;
  severity: Severity;
  range: Range;
}

/** What every painter does: paints annotations' ranges, marks a pending or revealed one, and finds them again. */
export interface Painter {
  /** Replaces everything painted with these ranges. */
  paint(items: readonly PaintedRange[]): void;
  rangeOf(id: string): Range | undefined;
  /** Shows the selection being annotated while the dialog is open. */
  showPending(range: Range | null): void;
  /** Briefly marks a range, after scrolling to it. */
  flash(range: Range, ms?: number): void;
  /** The painted passage that holds a point of the text (a caret), the shortest when several do. */
  at(node: Node, offset: number): PaintedRange | undefined;
  /** The painted annotation under a point of the screen, the shortest when several overlap. */
  hitTest(x: number, y: number): PaintedRange | undefined;
  clear(): void;
}

/**
 * The painted passages of a document, by annotation id, and how a caret or a click finds one.
 * Painters keep it in their own (isolated) world: the ranges are never shared with the page.
 */
export class PaintedSet {
  private painted = new Map<string, PaintedRange>();

  constructor(private readonly doc: Document) {}

  replace(items: readonly PaintedRange[]): void {
    this.painted = new Map(items.map((item) => [item.id, item]));
  }

  get size(): number {
    return this.painted.size;
  }

  items(): IterableIterator<PaintedRange> {
    return this.painted.values();
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  at(node: Node, offset: number): PaintedRange | undefined {
    return this.smallest((range) => holdsPoint(range, node, offset));
  }

  hitTest(x: number, y: number): PaintedRange | undefined {
    // The caret under the point narrows the search to the passages that hold it, so a click
    // costs little however many passages are painted; their boxes then confirm the hit (a
    // click past the end of a line still lands on that line's last caret).
    const caret = this.doc.caretPositionFromPoint?.(x, y);
    if (!caret) return this.smallest((range) => containsPoint(range, x, y));
    return this.smallest(
      (range) => holdsPoint(range, caret.offsetNode, caret.offset) && containsPoint(range, x, y),
    );
  }

  private smallest(holds: (range: Range) => boolean): PaintedRange | undefined {
    let best: PaintedRange | undefined;
    for (const item of this.painted.values()) {
      if (!holds(item.range)) continue;
      if (!best || item.range.toString().length < best.range.toString().length) best = item;
    }
    return best;
  }
}

/** Whether a range holds a point of the text; false where the point is not in its tree. */
function holdsPoint(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false; // e.g. a caret in a text field, whose offset counts its value's characters
  }
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
