import type { Citation } from '../model';

/** Where a text item of a page stands in the report (from lib/pdf/report-structure.ts). */
export type PlaceOf = (page: number, itemIndex: number) => { paragraph?: number; section?: string };

const noPlace: PlaceOf = () => ({});

/** A text item of the viewer's text layer: its page (1-based) and its index in getTextContent().items. */
export interface ItemPosition {
  page: number;
  item: number;
}

const ITEM = '[data-item]';

function positionOf(element: Element): ItemPosition | null {
  const page = Number(element.closest('[data-page]')?.getAttribute('data-page'));
  const item = Number(element.getAttribute('data-item'));
  return Number.isInteger(page) && page > 0 && Number.isInteger(item) && item >= 0 ? { page, item } : null;
}

/** The text item holding a node, if any. */
function itemHolding(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(ITEM) ?? null;
}

/**
 * The first (`forward`) or last text item of a range, counting only items that hold some of
 * its text: a range that starts at the very end of an item or ends at the very start of one
 * (as a selection dragged over a line end does) is not taken to stand there.
 */
function edgeItem(range: Range, forward: boolean): Element | null {
  const node = forward ? range.startContainer : range.endContainer;
  const offset = forward ? range.startOffset : range.endOffset;
  const holder = itemHolding(node);
  if (holder) {
    const length = node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length;
    const atOuterEdge = forward ? offset >= length : offset <= 0;
    if (!atOuterEdge) return holder;
  }
  // Walk the range's items in document order from the wanted end.
  const root = range.commonAncestorContainer;
  const scope = root instanceof Element ? root : root.parentElement;
  if (!scope) return holder;
  const items = [...(scope.matches(ITEM) ? [scope] : []), ...scope.querySelectorAll(ITEM)].filter(
    (el) => range.intersectsNode(el) && el !== holder && (el.textContent ?? '').trim() !== '',
  );
  return (forward ? items[0] : items[items.length - 1]) ?? holder;
}

/** The first and last text items a range covers, or null outside the text layer. */
export function rangeItems(range: Range): { start: ItemPosition; end: ItemPosition } | null {
  const first = edgeItem(range, true);
  const last = edgeItem(range, false);
  const start = first && positionOf(first);
  const end = last && positionOf(last);
  if (!start) return null;
  return { start, end: end ?? start };
}

/**
 * Where a selected passage stands in the PDF, read from the text layer's `data-page` and
 * `data-item` attributes: the page it starts on, the page it ends on when that is another,
 * and (from `placeOf`) the numbered paragraph and section it starts in.
 */
export function cite(range: Range, placeOf: PlaceOf = noPlace): Citation | undefined {
  const items = rangeItems(range);
  if (!items) return undefined;
  const { start, end } = items;
  const place = placeOf(start.page, start.item);
  return {
    page: start.page,
    ...(end.page !== start.page && { pageEnd: end.page }),
    ...(place.paragraph !== undefined && { paragraph: place.paragraph }),
    ...(place.section !== undefined && { section: place.section }),
  };
}
