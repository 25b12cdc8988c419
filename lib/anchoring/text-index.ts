import { extractText, isCopy, type NodeSpan, type Segment } from './extract-text';

const TEXT_NODE = 3;

export interface TextIndex {
  /**
   * The normalised text of the root: each run of white space is one space; a boundary
   * between block elements (p, div, li, h1-h6, blockquote, td, th, tr, section, article,
   * figcaption, br, ...) counts as white space; text in script/style/noscript/template/textarea
   * and elements with the `hidden` attribute is skipped. No leading or trailing space.
   */
  readonly text: string;
  /**
   * A DOM Range for text offsets [start, end), or null if out of bounds or empty. Endpoints
   * are inside text nodes; collapsed white space maps to the right raw offsets.
   */
  rangeFor(start: number, end: number): Range | null;
  /**
   * The text offset of a DOM boundary point (node may be a text node or an element, as in
   * Range.startContainer/startOffset), or null if the point is outside the indexed text (e.g.
   * in a skipped element). A point where white space collapsed, or between blocks, may map to
   * either side of the space that stands for it.
   */
  offsetAt(node: Node, offset: number): number | null;
}

export interface TextIndexOptions {
  /** Further elements to leave out, such as the extension's own UI. */
  skip?: (el: Element) => boolean;
}

/**
 * Indexes the text under `root` in one pass. The index is a snapshot: build a new one after
 * the page changes, and use one index for a whole batch of annotations.
 */
export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const { text, segments, spans } = extractText(root, options.skip ?? (() => false));
  const doc = root.ownerDocument ?? (root as Document);

  return {
    text,

    rangeFor(start, end) {
      if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
      if (start < 0 || start >= end || end > text.length) return null;
      const range = doc.createRange();
      range.setStart(...startPoint(segments, start));
      range.setEnd(...endPoint(segments, end));
      return range;
    },

    offsetAt(node, offset) {
      const span = spans.get(node);
      if (!span || span.skipped) return null;
      if (node.nodeType === TEXT_NODE) return offsetInText(segments, span, offset);
      // Any other container: the point lies before child `offset`, or at the end.
      const child = node.childNodes[offset];
      if (!child) return span.after;
      return spans.get(child)?.before ?? null;
    },
  };
}

/** The index of the segment holding character `offset` (segments are in order and cover the text). */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The DOM point just before character `offset`. */
function startPoint(segments: readonly Segment[], offset: number): [Text, number] {
  const index = segmentAt(segments, offset);
  const segment = segments[index]!;
  if (isCopy(segment)) return [segment.node, segment.rawStart + (offset - segment.start)];
  const previous = segments[index - 1];
  // A space that only marks a block boundary starts where the text before it ends.
  if (segment.rawStart === segment.rawEnd && previous) return [previous.node, previous.rawEnd];
  return [segment.node, segment.rawStart];
}

/** The DOM point just after character `end - 1`. */
function endPoint(segments: readonly Segment[], end: number): [Text, number] {
  const segment = segments[segmentAt(segments, end - 1)]!;
  if (isCopy(segment)) return [segment.node, segment.rawStart + (end - segment.start)];
  return [segment.node, segment.rawEnd];
}

function offsetInText(segments: readonly Segment[], span: NodeSpan, rawOffset: number): number {
  let offset = span.before;
  for (let i = span.firstSegment; i >= 0 && i < span.endSegment; i++) {
    const segment = segments[i]!;
    if (rawOffset >= segment.rawEnd) {
      offset = segment.end; // the whole segment lies before the point
      continue;
    }
    const into = isCopy(segment) ? Math.max(0, rawOffset - segment.rawStart) : 0;
    return segment.start + into;
  }
  return offset;
}
