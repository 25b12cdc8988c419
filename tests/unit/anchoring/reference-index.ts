// The text index as it was before issue 14 (one segment a white-space run, a span for every
// node), kept only as the reference the faster index is checked against (text-index-reference.test.ts).
import { isBlock, isSkipped } from '../../../lib/anchoring/elements';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Normalised text [start, end) comes from raw characters [rawStart, rawEnd) of `node`: copied
 * one for one when the two lengths agree, otherwise a run of white space collapsed to one
 * space (rawStart === rawEnd for a space that only marks a block boundary).
 */
export interface Segment {
  node: Text;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
}

/** Whether the segment's characters were copied one for one (not collapsed white space). */
export function isCopy(segment: Segment): boolean {
  return segment.end - segment.start === segment.rawEnd - segment.rawStart;
}

/** Where a visited node sits in the normalised text, and which segments came from it. */
export interface NodeSpan {
  before: number;
  after: number;
  /** A skipped element: points inside it are outside the text. */
  skipped: boolean;
  /** segments[firstSegment, endSegment) belong to this text node (-1 when none). */
  firstSegment: number;
  endSegment: number;
}

export interface ExtractedText {
  text: string;
  /** Consecutive and covering the whole text, in order. */
  segments: Segment[];
  spans: Map<Node, NodeSpan>;
}

/**
 * Where a pending space would come from: white space in a text node, a block boundary, or a
 * line break (<br>, as in a PDF's text layer, where a word may be hyphenated across lines).
 */
type PendingSpace = null | 'boundary' | 'line-break' | { node: Text; rawStart: number; rawEnd: number };

/** "extra-" at a line's end, then "familial": one word, as the reader reads it. */
const HYPHEN_AT_END = /\p{L}-$/u;
const LOWERCASE_START = /^\p{Ll}/u;

/** One pass over the nodes under `root`, building the normalised text and its map to the DOM. */
export function extractText(root: Node, skip: (el: Element) => boolean): ExtractedText {
  const chunks: string[] = [];
  const segments: Segment[] = [];
  const spans = new Map<Node, NodeSpan>();
  let length = 0;
  // A space is written only when a word follows it: no leading, trailing or double spaces.
  let pending: PendingSpace = null;

  function push(node: Text, text: string, rawStart: number, rawEnd: number): void {
    chunks.push(text);
    const last = segments[segments.length - 1];
    const oneForOne = text.length === rawEnd - rawStart;
    if (last && last.node === node && last.rawEnd === rawStart && oneForOne && isCopy(last)) {
      last.end += text.length; // most text needs no collapsing: keep one segment for it
      last.rawEnd = rawEnd;
    } else {
      segments.push({ node, start: length, end: length + text.length, rawStart, rawEnd });
    }
    length += text.length;
    const span = spans.get(node)!;
    if (span.firstSegment < 0) span.firstSegment = segments.length - 1;
    span.endSegment = segments.length;
  }

  function joinsHyphenatedWord(node: Text, from: number): boolean {
    return HYPHEN_AT_END.test(chunks[chunks.length - 1] ?? '') && LOWERCASE_START.test(node.data.slice(from));
  }

  function copy(node: Text, from: number, to: number): void {
    if (from === to) return;
    if (pending && length > 0) {
      if (pending === 'line-break' && joinsHyphenatedWord(node, from)) pending = null;
      else if (pending === 'boundary' || pending === 'line-break') push(node, ' ', from, from);
      else push(pending.node, ' ', pending.rawStart, pending.rawEnd);
    }
    pending = null;
    push(node, node.data.slice(from, to), from, to);
  }

  function addText(node: Text): void {
    let from = 0;
    for (const space of node.data.matchAll(/\s+/g)) {
      copy(node, from, space.index);
      from = space.index + space[0].length;
      if (!pending || typeof pending === 'string') pending = { node, rawStart: space.index, rawEnd: from };
    }
    copy(node, from, node.data.length);
  }

  function visit(node: Node): void {
    const span: NodeSpan = {
      before: length,
      after: length,
      skipped: false,
      firstSegment: -1,
      endSegment: -1,
    };
    spans.set(node, span);
    const el = node.nodeType === ELEMENT_NODE ? (node as Element) : null;
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
    } else if (el && (isSkipped(el) || skip(el))) {
      span.skipped = true;
    } else {
      const block = el !== null && isBlock(el);
      if (el?.localName === 'br') pending ??= 'line-break';
      else if (block) pending ??= 'boundary';
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) pending ??= 'boundary';
    }
    span.after = length;
  }

  visit(root);
  return { text: chunks.join(''), segments, spans };
}
interface TextIndex {
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

interface TextIndexOptions {
  /** Further elements to leave out, such as the extension's own UI. */
  skip?: (el: Element) => boolean;
}

/**
 * Indexes the text under `root` in one pass. The index is a snapshot: build a new one after
 * the page changes, and use one index for a whole batch of annotations.
 */
export function buildReferenceIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
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
