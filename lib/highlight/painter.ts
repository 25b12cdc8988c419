import type { Severity } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';

// Paints ranges with the CSS Custom Highlight API: no elements are added around the page's
// text, so page scripts, styles and tables are undisturbed. One Highlight per severity.

const PREFIX = 'ofsted-annotator';
const FLASH = `${PREFIX}-flash`;
const PENDING = `${PREFIX}-pending`;

export const highlightName = (severity: Severity) => `${PREFIX}-severity-${severity}`;

export interface PainterOptions {
  /**
   * See-through colours, for text drawn underneath the highlighted text (the PDF viewer's
   * invisible text layer over the page's canvas); the text colour is left alone.
   */
  translucent?: boolean;
}

/** The stylesheet that gives each highlight its colour; adopted, so the DOM is unchanged. */
export function highlightCss({ translucent = false }: PainterOptions = {}): string {
  const see = (color: string, percent: number) =>
    translucent ? `color-mix(in srgb, ${color} ${percent}%, transparent)` : color;
  const rules = SEVERITY_LEVELS.map(
    (s) =>
      `::highlight(${highlightName(s.level)}) { background-color: ${see(s.color, 45)};${translucent ? '' : ' color: inherit;'} }`,
  );
  rules.push(`::highlight(${PENDING}) { background-color: ${see('#c5cae9', 60)}; }`);
  rules.push(
    translucent
      ? `::highlight(${FLASH}) { background-color: ${see('#1a237e', 35)}; }`
      : `::highlight(${FLASH}) { background-color: #1a237e; color: #fff; }`,
  );
  return rules.join('\n');
}

export interface PaintedRange {
  id: string;
  severity: Severity;
  range: Range;
}

export class Painter {
  private painted = new Map<string, PaintedRange>();

  constructor(
    private readonly doc: Document = document,
    private readonly registry: HighlightRegistry = CSS.highlights,
    options: PainterOptions = {},
  ) {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(highlightCss(options));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }

  /** Replaces everything painted with these ranges. */
  paint(items: readonly PaintedRange[]): void {
    this.painted = new Map(items.map((item) => [item.id, item]));
    for (const level of SEVERITY_LEVELS) {
      const ranges = items.filter((i) => i.severity === level.level).map((i) => i.range);
      if (ranges.length) this.registry.set(highlightName(level.level), new Highlight(...ranges));
      else this.registry.delete(highlightName(level.level));
    }
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /** Shows the selection being annotated while the dialog has the focus. */
  showPending(range: Range | null): void {
    if (range) this.registry.set(PENDING, new Highlight(range));
    else this.registry.delete(PENDING);
  }

  /** Briefly marks a range, after scrolling to it. */
  flash(range: Range, ms = 1200): void {
    this.registry.set(FLASH, new Highlight(range));
    setTimeout(() => this.registry.delete(FLASH), ms);
  }

  /** The painted passage that holds a point of the text (a caret), the shortest when several do. */
  at(node: Node, offset: number): PaintedRange | undefined {
    return this.smallest((range) => holdsPoint(range, node, offset));
  }

  /** The painted annotation under a point of the screen, the shortest when several overlap. */
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

  clear(): void {
    this.paint([]);
    this.registry.delete(PENDING);
    this.registry.delete(FLASH);
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
