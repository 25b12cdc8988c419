import { SEVERITY_LEVELS } from '../taxonomy/severity';
import type { Severity } from '../model';
import { BoxLayer, type Mark } from './box-layer';
import { PaintedSet, type PaintedRange, type Painter } from './painted-set';

/**
 * Above the page, multiplied into it as a highlighter pen's ink is: white paper takes the
 * colour and dark text stays dark, in every severity's colour. Clicks go through to the page.
 */
const LAYER_STYLE =
  'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;' +
  'z-index:2147483646;mix-blend-mode:multiply;';

const SEVERITY_LOOK = new Map(
  SEVERITY_LEVELS.map((s) => [s.level, `background-color:${s.color};border-radius:2px;`]),
);
const PENDING_LOOK = 'background-color:#c5cae9;';
const FLASH_LOOK = 'background-color:#9fa8da;outline:2px solid #1a237e;';

/**
 * The painter for web pages: boxes drawn in the extension's closed shadow root (BoxLayer), so
 * the page's scripts can read no highlighted passage, no severity and no range of ours. The
 * annotations' boxes and the passing marks (the selection being annotated, a revealed
 * passage) are separate layers, so showing one does not redraw the other.
 */
export class BoxPainter implements Painter {
  private readonly set: PaintedSet;
  private readonly annotations: BoxLayer;
  private readonly passing: BoxLayer;
  private pending: Range | null = null;
  private flashing: Range | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(container: Element, doc: Document = document) {
    this.set = new PaintedSet(doc);
    const layer = (name: string): HTMLElement => {
      const el = doc.createElement('div');
      el.dataset.layer = name; // in the closed root: for the tests' eyes only
      el.style.cssText = LAYER_STYLE;
      container.append(el);
      return el;
    };
    this.annotations = new BoxLayer(layer('annotations'), doc);
    this.passing = new BoxLayer(layer('passing'), doc);
  }

  /** Whether anything is drawn: with nothing, layout changes need no work. */
  get isEmpty(): boolean {
    return this.annotations.isEmpty && this.passing.isEmpty;
  }

  /**
   * Resolves once every highlight has its boxes: those that may be on screen are drawn at
   * once, the rest after the next frame, in idle time.
   */
  whenDrawn(): Promise<void> {
    return Promise.all([this.annotations.whenDrawn(), this.passing.whenDrawn()]).then(() => undefined);
  }

  paint(items: readonly PaintedRange[]): void {
    this.set.replace(items);
    this.annotations.draw(items.map((item) => ({ range: item.range, look: severityLook(item.severity) })));
  }

  rangeOf(id: string): Range | undefined {
    return this.set.rangeOf(id);
  }

  showPending(range: Range | null): void {
    this.pending = range;
    this.drawPassing();
  }

  flash(range: Range, ms = 1200): void {
    clearTimeout(this.flashTimer);
    this.flashing = range;
    this.drawPassing();
    this.flashTimer = setTimeout(() => {
      this.flashing = null;
      this.drawPassing();
    }, ms);
  }

  at(node: Node, offset: number): PaintedRange | undefined {
    return this.set.at(node, offset);
  }

  hitTest(x: number, y: number): PaintedRange | undefined {
    return this.set.hitTest(x, y);
  }

  /** Places every box again: the page was resized or zoomed, fonts loaded, or content moved. */
  relayout(): void {
    if (!this.annotations.isEmpty) this.annotations.redraw();
    if (!this.passing.isEmpty) this.passing.redraw();
  }

  /** Follows what scrolled (elements, or the document). */
  scrolled(targets: ReadonlySet<EventTarget>): void {
    this.annotations.scrolled(targets);
    this.passing.scrolled(targets);
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    this.pending = this.flashing = null;
    this.paint([]);
    this.drawPassing();
  }

  private drawPassing(): void {
    const marks: Mark[] = [];
    if (this.pending) marks.push({ range: this.pending, look: PENDING_LOOK });
    if (this.flashing) marks.push({ range: this.flashing, look: FLASH_LOOK });
    this.passing.draw(marks);
  }
}

function severityLook(severity: Severity): string {
  return SEVERITY_LOOK.get(severity) ?? SEVERITY_LOOK.get(0)!;
}
