import { anchorAll } from '../anchoring/anchor-all';
import type { TextMatch } from '../anchoring/anchor';
import { CodePointOffsets } from '../anchoring/code-points';
import { viewerUrl } from '../background/open-reports';
import { quoteLink } from '../export/links';
import { describeRange, describeText } from '../anchoring/describe';
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { documentUrl } from '../document-url';
import type { PaintedRange, Painter } from '../highlight/painted-set';
import { sendToBackground } from '../messages/send';
import type { Annotation, AnnotationChanges, Citation, ReportDetails, Selector, Theme } from '../model';
import { DEFAULT_SEVERITY } from '../taxonomy/severity';
import { dialogPosition } from './position';
import type { Overlay } from './overlay';
import { checkSelection, MAX_QUOTE_LENGTH } from './selection';
import { headingAbove } from './heading-above';
import { gradeOfSection } from '../pdf/section-grade';
import type { AnnotationDialogProps } from '../../components/AnnotationDialog';
import type { Passage } from '../suggest/types';

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

/** A painted passage, with the text its range covered then (to tell whether it is intact). */
interface Painted {
  range: Range;
  text: string;
}

/**
 * The annotator on one document (a web page, or a report in the PDF viewer): loads its
 * annotations from the background, anchors and paints them, opens the dialog for a selection
 * or a click on a highlight, and saves.
 */
export class PageAnnotator {
  private readonly doc: Document;
  private readonly root: Element;
  private annotations: Annotation[] = [];
  private themes: Theme[] = [];
  private orphanIds = new Set<string>();
  private painted = new Map<string, Painted>();
  private index: TextIndex | null = null;
  /** The document whose annotations are loaded (or loading), and which load is the latest. */
  private loadedFor: string | null = null;
  private loads = 0;
  /** The key of the dialog shown now, so suggestions that come late go to the dialog they are for. */
  private dialogKey: string | null = null;

  constructor(private readonly options: Options) {
    this.doc = options.doc ?? document;
    this.root = options.root ?? this.doc.body;
  }

  private get title(): string {
    return this.options.target?.title ?? this.doc.title;
  }

  /**
   * The document's address as it is now: a single-page site changes it with
   * history.pushState, and the address the browser gives the background for a content
   * script's messages stays the one the page was first loaded at, so every request names it.
   */
  private get url(): string {
    return this.options.target?.url ?? this.doc.location.href;
  }

  /** Whether the page now shows another document than the one whose annotations are loaded. */
  /** The document this page's annotations belong to (its address without fragment). */
  documentUrl(): string {
    return documentUrl(this.url);
  }

  addressChanged(): boolean {
    return this.loadedFor !== null && this.loadedFor !== documentUrl(this.url);
  }

  /**
   * Loads the document's annotations and paints them; orphans are kept and reported. For a
   * new address, the previous address's highlights go at once, and only the latest load paints.
   */
  async refresh(): Promise<void> {
    const url = documentUrl(this.url);
    if (this.loadedFor !== null && this.loadedFor !== url) {
      this.closeDialog();
      this.annotations = [];
      this.paint([], new Map());
    }
    this.loadedFor = url;
    const load = ++this.loads;
    try {
      const { annotations, themes } = await sendToBackground('page/load', { url: this.url });
      if (load !== this.loads) return;
      this.annotations = annotations;
      this.themes = themes;
    } catch (error) {
      if (load !== this.loads) return;
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
    this.paint(anchorAll(this.textIndex(), this.annotations), new Map());
  }

  /**
   * After the page changed: passages still painted on intact text stay as they are; the
   * rest (orphans, which late content may now hold, and passages whose nodes were removed or
   * whose text changed) are anchored against the text, extracted once. Nothing is done when
   * every passage is intact and none is missing.
   */
  reanchor(): void {
    this.index = null;
    const kept = new Map([...this.painted].filter(([, painted]) => isIntact(painted)));
    const lost = this.annotations.filter((a) => !kept.has(a.id));
    if (lost.length === 0) return;
    const results = anchorAll(this.textIndex(), lost);
    const unchanged = results.every((r) => !r.range && this.orphanIds.has(r.item.id));
    if (unchanged) return; // the orphans are still orphans, and nothing else was touched
    this.paint(results, kept);
  }

  /** Paints the anchored results and the passages kept, and tells who needs to know. */
  private paint(
    results: ReadonlyArray<{ item: Annotation; match?: TextMatch | null; range: Range | null }>,
    kept: ReadonlyMap<string, Painted>,
  ): void {
    this.completeQuotes(results);
    this.painted = new Map(kept);
    for (const { item, range } of results) {
      if (range) this.painted.set(item.id, { range, text: range.toString() });
    }
    this.orphanIds = new Set(this.annotations.filter((a) => !this.painted.has(a.id)).map((a) => a.id));
    this.options.painter.paint(
      this.annotations.flatMap((a) => {
        const painted = this.painted.get(a.id);
        return painted ? [{ id: a.id, severity: a.severity, range: painted.range }] : [];
      }),
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

  /**
   * Imported annotations found by position alone (no quote yet) take the quote and context
   * the page shows there: kept here at once, and stored through the background.
   */
  private completeQuotes(results: ReadonlyArray<{ item: Annotation; match?: TextMatch | null }>): void {
    let offsets: CodePointOffsets | undefined; // one scan of the text for the whole batch
    for (const { item, match } of results) {
      if (!match || item.quote !== '') continue;
      const { text } = this.textIndex();
      offsets ??= new CodePointOffsets(text);
      const { quote, selectors } = describeText(text, match.start, match.end, offsets);
      this.annotations = this.annotations.map((a) => (a.id === item.id ? { ...a, quote, selectors } : a));
      void sendToBackground('annotation/complete', { id: item.id, quote, selectors, url: this.url }).catch(
        () => undefined, // kept on this page; the next visit tries again
      );
    }
  }

  /** The page changed: text offsets must be taken again. */
  invalidateText(): void {
    this.index = null;
  }

  status() {
    return {
      url: this.url,
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

  /**
   * The shortcut and the context menu: annotates the selection, or, with only a caret (caret
   * browsing) inside a painted passage, opens that passage's "Edit annotation" dialog, which
   * is how a keyboard user reaches an annotation to edit or delete it.
   */
  openDialog(): boolean {
    return this.annotateSelection() || this.editAtCaret();
  }

  private editAtCaret(): boolean {
    const selection = this.doc.getSelection();
    if (!selection?.isCollapsed || !selection.anchorNode) return false;
    return this.edit(this.options.painter.at(selection.anchorNode, selection.anchorOffset));
  }

  /** Opens the "Edit annotation" dialog when a click lands on a painted passage. */
  editAt(x: number, y: number): boolean {
    return this.edit(this.options.painter.hitTest(x, y));
  }

  private edit(hit: PaintedRange | undefined): boolean {
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
    const { painter } = this.options;
    // Chosen here, so that a save sent again (see sendToBackground) is stored once.
    const id = crypto.randomUUID();
    painter.showPending(range);
    // The passage is marked as pending instead: a selection left on the page would be dragged
    // away by the user's next selection over it (as focusing a field in the page would clear it).
    this.doc.getSelection()?.removeAllRanges();
    const key = `new:${quote}`;
    const props: AnnotationDialogProps = {
      mode: 'create',
      quote,
      themes: this.themes,
      initial: { themes: [], severity: DEFAULT_SEVERITY, note: '' },
      position: dialogPosition(range, this.doc.defaultView!),
      onSave: async (changes: AnnotationChanges) => {
        const saved = await sendToBackground('annotation/create', {
          id,
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
      suggestions: null,
    };
    this.showDialog(key, props);
    void this.suggestFor(key, props, this.passageAt(quote, range, citation));
  }

  /** The passage with what its place says: the section it sits under and that judgement's grade. */
  private passageAt(text: string, range: Range, citation?: Citation): Passage {
    const section = citation?.section ?? headingAbove(range, this.options.isOwnUi);
    const grade = gradeOfSection(this.options.target?.details, section);
    return { text, ...(section && { section }), ...(grade && { grade }) };
  }

  /** Asks for suggestions and shows them in the dialog, if it is still open; the dialog works without. */
  private async suggestFor(key: string, props: AnnotationDialogProps, passage: Passage): Promise<void> {
    const [suggestions] = await sendToBackground('passages/suggest', { passages: [passage] }).catch(() => []);
    if (this.dialogKey !== key) return;
    if (suggestions) this.showDialog(key, { ...props, suggestions });
    else this.showDialog(key, { ...props, suggestions: undefined });
  }

  private showDialog(key: string, props: AnnotationDialogProps): void {
    this.dialogKey = key;
    this.options.overlay.showDialog(key, props);
  }

  private openEditDialog(annotation: Annotation, range: Range): void {
    const { overlay } = this.options;
    this.showDialog(`edit:${annotation.id}`, {
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
        const deleted =
          (await sendToBackground('annotation/delete', { id: annotation.id, url: this.url })) ?? annotation;
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
    this.dialogKey = null;
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

/** Whether a painted range still covers the text it covered, in nodes still in the page. */
function isIntact({ range, text }: Painted): boolean {
  return range.startContainer.isConnected && range.endContainer.isConnected && range.toString() === text;
}
