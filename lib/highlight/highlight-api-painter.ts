import type { Severity } from '../model';
import { PaintedSet, type PaintedRange, type Painter } from './painted-set';
import { SEVERITY_LEVELS } from '../taxonomy/severity';

// The CSS Custom Highlight API: no elements are added around the text. One Highlight per severity.

const PREFIX = 'ofsted-annotator';
const FLASH = `${PREFIX}-flash`;
const PENDING = `${PREFIX}-pending`;

export const highlightName = (severity: Severity) => `${PREFIX}-severity-${severity}`;

/**
 * The stylesheet that gives each highlight its colour; adopted, so the DOM is unchanged. The
 * colours are see-through, for text drawn underneath the highlighted text (the PDF viewer's
 * invisible text layer over the page's canvas); the text colour is left alone.
 */
export function highlightCss(): string {
  const see = (color: string, percent: number) => `color-mix(in srgb, ${color} ${percent}%, transparent)`;
  const rules = SEVERITY_LEVELS.map(
    (s) => `::highlight(${highlightName(s.level)}) { background-color: ${see(s.color, 45)}; }`,
  );
  rules.push(`::highlight(${PENDING}) { background-color: ${see('#c5cae9', 60)}; }`);
  rules.push(`::highlight(${FLASH}) { background-color: ${see('#1a237e', 35)}; }`);
  return rules.join('\n');
}

/**
 * Paints with the CSS Custom Highlight API. Its registry is shared with the page's own
 * scripts, so it serves only the extension's own pages (the PDF viewer), where no page script
 * runs; web pages get the BoxPainter.
 */
export class HighlightApiPainter implements Painter {
  private readonly set: PaintedSet;

  constructor(
    doc: Document = document,
    private readonly registry: HighlightRegistry = CSS.highlights,
  ) {
    this.set = new PaintedSet(doc);
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }

  paint(items: readonly PaintedRange[]): void {
    this.set.replace(items);
    for (const level of SEVERITY_LEVELS) {
      const ranges = items.filter((i) => i.severity === level.level).map((i) => i.range);
      if (ranges.length) this.registry.set(highlightName(level.level), new Highlight(...ranges));
      else this.registry.delete(highlightName(level.level));
    }
  }

  rangeOf(id: string): Range | undefined {
    return this.set.rangeOf(id);
  }

  showPending(range: Range | null): void {
    if (range) this.registry.set(PENDING, new Highlight(range));
    else this.registry.delete(PENDING);
  }

  flash(range: Range, ms = 1200): void {
    this.registry.set(FLASH, new Highlight(range));
    setTimeout(() => this.registry.delete(FLASH), ms);
  }

  at(node: Node, offset: number): PaintedRange | undefined {
    return this.set.at(node, offset);
  }

  hitTest(x: number, y: number): PaintedRange | undefined {
    return this.set.hitTest(x, y);
  }

  clear(): void {
    this.paint([]);
    this.registry.delete(PENDING);
    this.registry.delete(FLASH);
  }
}
