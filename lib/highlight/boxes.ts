/** A rectangle in px: a line of highlighted text, or what clips a scrolling box's lines. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The rects of a range's text alone, line by line: `Range.getClientRects()` also gives the
 * border box of every element the range wholly contains (a paragraph, an empty advert slot,
 * an image), which would paint whole blocks, as the Highlight API never does.
 */
export function textRects(range: Range): DOMRect[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === Node.TEXT_NODE) {
    return [...range.getClientRects()];
  }
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  // From the range's first node, not from its container's start: ranges on a long page are many.
  walker.currentNode = startContainer.childNodes[startOffset] ?? startContainer;
  const part = doc.createRange();
  const rects: DOMRect[] = [];
  let node: Node | null = walker.currentNode;
  if (node.nodeType !== Node.TEXT_NODE) node = walker.nextNode();
  for (; node && range.comparePoint(node, 0) <= 0; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue; // before the start, in the start's container
    part.selectNodeContents(node);
    if (node === startContainer) part.setStart(node, startOffset);
    if (node === endContainer) part.setEnd(node, endOffset);
    rects.push(...part.getClientRects());
  }
  return rects;
}

/**
 * The boxes to draw for a range's text rects: empty rects (collapsed white space) and rects
 * that hold another one (repeats, or an inline element's box around its own text) are dropped.
 */
export function lineBoxes(rects: ArrayLike<Box>): Box[] {
  const visible = Array.from(rects).filter((r) => r.width >= 0.5 && r.height >= 0.5);
  return visible.filter(
    (rect, i) => !visible.some((other, j) => j !== i && holds(rect, other) && (!holds(other, rect) || j < i)),
  );
}

const SLACK = 0.5;

function holds(outer: Box, inner: Box): boolean {
  return (
    inner.left >= outer.left - SLACK &&
    inner.top >= outer.top - SLACK &&
    inner.left + inner.width <= outer.left + outer.width + SLACK &&
    inner.top + inner.height <= outer.top + outer.height + SLACK
  );
}

/** The part two boxes share (width or height 0 where they do not meet). */
export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
