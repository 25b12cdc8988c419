import { anchorAll } from '../anchoring/anchor-all';
import { viewerUrl } from '../background/open-reports';
import { quoteLink } from '../export/links';
import { describeRange } from '../anchoring/describe';
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { Painter } from '../highlight/painter';
import { sendToBackground } from '../messages/send';
import type { Annotation, AnnotationChanges, Citation, ReportDetails, Selector, Theme } from '../model';
import { DEFAULT_SEVERITY } from '../taxonomy/severity';
import { dialogPosition } from './position';
import type { Overlay } from './overlay';
import { checkSelection, MAX_QUOTE_LENGTH } from './selection';

interface Options {
  doc?: Document;
  /** Where the document's text is: the page's body, or a PDF viewer's text layers. */
  root?: Element;
  /**
   * The document, when it is not the page itself: the PDF viewer names the report it shows,
   * with what the report says about itself.
   */
  target?: { url: string; title: string; details?: ReportDetails | null };
  /** Told the annotations, which of them are orphans, and the themes, each time they are painted. */
  onChange?: (state: {
    annotations: readonly Annotation[];
    orphanIds: ReadonlySet<string>;
    themes: readonly Theme[];
  }) => void;
  /** Where a quote stands (page, paragraph, section), for documents that know it. */
  cite?: (range: Range) => Citation | undefined;
  painter: Painter;
  overlay: Overlay;
  /** Whether a node belongs to the extension's own UI (its shadow host). */
  isOwnUi: (node: Node) => boolean;
}

/**
 * The annotator on one document (a web page, or a report in the PDF viewer): loads its
 * annotations from the background, anchors and paints them, opens the dialog for a selection
 * or a click on a highlight, and saves.
 */
export class PageAnnotator {
  private readonly doc: Document;
  private readonly root: Element;
  /** Names the document in requests from an extension page; content scripts send none. */
  private readonly url: string | undefined;
  private annotations: Annotation[] = [];
  private themes: Theme[] = [];
  private orphanIds = new Set<string>();
  private index: TextIndex | null = null;

  constructor(private readonly options: Options) {
    this.doc = options.doc ?? document;
    this.root = options.root ?? this.doc.body;
    this.url = options.target?.url;
  }

  private get title(): string {
    return this.options.target?.title ?? this.doc.title;
  }

  /** Loads the page's annotations and paints them; orphans are kept and reported. */
  async refresh(): Promise<void> {
    try {
      const { annotations, themes } = await sendToBackground('page/load', { url: this.url });
      this.annotations = annotations;
      this.themes = themes;
    } catch (error) {
      this.options.overlay.showToast({
        message: `Ofsted Annotator could not load this page's annotations: ${(error as Error).message}`,
      });
      return;
    }
    this.repaint();
  }

  /** Anchors every annotation against the page's text, extracted once for the batch. */
  repaint(): void {
    this.index = null;
    const results = anchorAll(this.textIndex(), this.annotations);
    this.orphanIds = new Set(results.filter((r) => !r.range).map((r) => r.item.id));
    this.options.painter.paint(
      results.flatMap(({ item, range }) => (range ? [{ id: item.id, severity: item.severity, range }] : [])),
    );
    this.options.onChange?.({
      annotations: this.annotations,
      orphanIds: this.orphanIds,
      themes: this.themes,
    });
    void sendToBackground('page/anchored', {
      total: this.annotations.length,
      orphanIds: [...this.orphanIds],
    }).catch(() => undefined); // only the badge depends on it
  }

  /** The page changed: text offsets must be taken again. */
  invalidateText(): void {
    this.index = null;
  }

  status() {
    return {
      url: this.url ?? this.doc.location.href,
      title: this.title,
      anchoredIds: this.annotations.filter((a) => !this.orphanIds.has(a.id)).map((a) => a.id),
      orphanIds: [...this.orphanIds],
    };
  }

  /** Opens the "Annotate selection" dialog for the current selection, if it can be annotated. */
  annotateSelection(): boolean {
    const check = checkSelection(this.doc.getSelection(), this.options.isOwnUi);
    if (check.kind === 'too-long') {
      this.options.overlay.showToast({
        message: `This selection is too long to annotate (${check.length.toLocaleString()} characters; the most is ${MAX_QUOTE_LENGTH.toLocaleString()}). Select a shorter passage.`,
      });
      return false;
    }
    if (check.kind !== 'ok') return false;
    const described = describeRange(this.textIndex(), check.range);
    if (!described) return false;
    const citation = this.options.cite?.(check.range);
    this.openCreateDialog(described.quote, described.selectors, check.range, citation);
    return true;
  }

  /** Opens the "Edit annotation" dialog when a click lands on a painted passage. */
  editAt(x: number, y: number): boolean {
    const hit = this.options.painter.hitTest(x, y);
    const annotation = hit && this.annotations.find((a) => a.id === hit.id);
    if (!annotation || !hit) return false;
    this.openEditDialog(annotation, hit.range);
    return true;
  }

  /** Scrolls to an annotation and flashes it. */
  reveal(id: string): boolean {
    const range = this.options.painter.rangeOf(id);
    if (!range) return false;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.options.painter.flash(range);
    return true;
  }

  private openCreateDialog(quote: string, selectors: Selector[], range: Range, citation?: Citation): void {
    const { overlay, painter } = this.options;
    painter.showPending(range);
    overlay.showDialog(`new:${quote}`, {
      mode: 'create',
      quote,
      themes: this.themes,
      initial: { themes: [], severity: DEFAULT_SEVERITY, note: '' },
      position: dialogPosition(range, this.doc.defaultView!),
      onSave: async (changes: AnnotationChanges) => {
        const saved = await sendToBackground('annotation/create', {
          draft: { quote, selectors, ...changes, ...(citation && { citation }) },
          title: this.title,
          url: this.url,
          ...(this.options.target?.details && { details: this.options.target.details }),
        });
        this.annotations.push(saved);
        this.closeDialog();
        this.repaint();
      },
      onClose: () => this.closeDialog(),
    });
  }

  private openEditDialog(annotation: Annotation, range: Range): void {
    const { overlay } = this.options;
    overlay.showDialog(`edit:${annotation.id}`, {
      mode: 'edit',
      quote: annotation.quote,
      themes: this.themes,
      initial: { themes: annotation.themes, severity: annotation.severity, note: annotation.note },
      position: dialogPosition(range, this.doc.defaultView!),
      onSave: async (changes) => {
        const updated = await sendToBackground('annotation/update', {
          id: annotation.id,
          changes,
          url: this.url,
        });
        this.annotations = this.annotations.map((a) => (a.id === updated.id ? updated : a));
        this.closeDialog();
        this.repaint();
      },
      onCopyLink: async () => {
        const link = quoteLink(annotation, viewerUrl);
        if (!link) throw new Error('a PDF from this computer has no address to link to.');
        await this.doc.defaultView!.navigator.clipboard.writeText(link);
      },
      onDelete: async () => {
        const deleted = await sendToBackground('annotation/delete', { id: annotation.id, url: this.url });
        this.annotations = this.annotations.filter((a) => a.id !== deleted.id);
        this.closeDialog();
        this.repaint();
        overlay.showToast({
          message: 'Annotation deleted.',
          actionLabel: 'Undo',
          onAction: () => void this.undoDelete(deleted),
        });
      },
      onClose: () => this.closeDialog(),
    });
  }

  private async undoDelete(deleted: Annotation): Promise<void> {
    const { overlay } = this.options;
    try {
      const restored = await sendToBackground('annotation/restore', {
        annotation: deleted,
        title: this.title,
      });
      this.annotations.push(restored);
      overlay.showToast({ message: 'Annotation restored.' }, 3000);
      this.repaint();
    } catch (error) {
      overlay.showToast({ message: `Could not restore the annotation: ${(error as Error).message}` });
    }
  }

  private closeDialog(): void {
    this.options.painter.showPending(null);
    this.options.overlay.closeDialog();
  }

  private textIndex(): TextIndex {
    this.index ??= buildTextIndex(this.root, {
      skip: (el) => this.options.isOwnUi(el),
    });
    return this.index;
  }
}
