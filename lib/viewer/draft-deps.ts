import { describeRange } from '../anchoring/describe';
import { buildTextIndex, type TextIndex } from '../anchoring/text-index';
import { sendToBackground } from '../messages/send';
import type { Citation, ReportDetails, Theme } from '../model';
import type { Overlay } from '../page/overlay';
import { dialogPosition } from '../page/position';
import type { ImprovementItem, TextPoint } from '../pdf/improvement-items';
import { gradeOfSection } from '../pdf/section-grade';
import type { DraftsDeps, DraftSource } from './drafts';

/** The highlight drafts are painted with (see components/viewer/drafts.css). */
export const DRAFT_HIGHLIGHT = 'ofsted-annotator-draft';

interface Options {
  doc: Document;
  /** The element holding every page's text layer (the annotator's root). */
  root: Element;
  items(): ImprovementItem[];
  isOwnUi(node: Node): boolean;
  cite(range: Range): Citation | undefined;
  annotated(): Range[];
  target: { url: string; title: string; details: ReportDetails | null };
  themes(): Theme[];
  overlay: Overlay;
  /** The annotator loads and paints the document's annotations again. */
  refresh(): Promise<void>;
  registry?: HighlightRegistry;
}

/** The text node of a text item's span and an offset in it, or null when the span is not there. */
function domPoint(root: Element, { page, item, offset }: TextPoint): [Text, number] | null {
  const span = root.querySelector(`[data-page="${page}"] [data-item="${item}"]`);
  const text = span?.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return null;
  return [text as Text, Math.min(offset, (text as Text).length)];
}

/**
 * What the drafts model needs from the viewer: the improvement items as ranges of the text
 * layer, described with the same text index and describeRange a user's selection gets, saved
 * through the background as the annotator saves, and painted with the draft highlight.
 */
export function draftDeps(options: Options): DraftsDeps {
  const { doc, root, overlay } = options;
  const registry = options.registry ?? CSS.highlights;
  // Built once for a batch of drafts (see propose), never once per draft.
  let index: TextIndex | null = null;
  return {
    sources() {
      index = null;
      return options.items().flatMap((item): DraftSource[] => {
        const start = domPoint(root, item.start);
        const end = domPoint(root, item.end);
        if (!start || !end) return [];
        const range = doc.createRange();
        range.setStart(...start);
        range.setEnd(...end);
        return range.collapsed ? [] : [{ range, heading: item.heading }];
      });
    },
    describe(range) {
      index ??= buildTextIndex(root, { skip: (el) => options.isOwnUi(el) });
      return describeRange(index, range);
    },
    cite: options.cite,
    annotatedRanges: options.annotated,
    gradeOf: (section) => gradeOfSection(options.target.details, section),
    suggest: (passages) => sendToBackground('passages/suggest', { passages }),
    save: (id, draft) =>
      sendToBackground('annotation/create', {
        id,
        draft,
        title: options.target.title,
        url: options.target.url,
        ...(options.target.details && { details: options.target.details }),
      }),
    saved: options.refresh,
    paint(ranges) {
      if (ranges.length) registry.set(DRAFT_HIGHLIGHT, new Highlight(...ranges));
      else registry.delete(DRAFT_HIGHLIGHT);
    },
    openEditor(draft, initial, onSave) {
      draft.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      overlay.showDialog(`draft:${draft.id}`, {
        mode: 'create',
        quote: draft.quote,
        themes: options.themes(),
        initial,
        position: dialogPosition(draft.range, doc.defaultView!),
        onSave: async (changes) => {
          await onSave(changes);
          overlay.closeDialog();
        },
        onClose: () => overlay.closeDialog(),
        // The form starts from them; the Suggested group shows which ones they were.
        ...(draft.suggestion && { suggestions: draft.suggestion }),
      });
    },
  };
}
