import { isSkipped } from './elements';
import { extractText, segmentsOf, type Pieces } from './extract-text';

const ELEMENT_NODE = 1;
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
 * the page changes, and use one index for a whole batch of annotations. Only the text and a
 * list of pieces (about two a text node) are built up front; what maps a DOM point back to
 * the text (offsetAt, for describing a selection) is built on its first use.
 */
export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const skip = options.skip ?? (() => false);
  const { text, pieces, visited, piecesBefore } = extractText(root, skip);
  const doc = root.ownerDocument ?? (root as Document);
  let order: Map<Node, number> | undefined;

  /** Where the text stood when visited text node k was reached (the end for k past the last). */
  const before = (k: number) => pieces.starts[piecesBefore[k] ?? Infinity] ?? text.length;

  return {
    text,

    rangeFor(start, end) {
      if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
      if (start < 0 || start >= end || end > text.length) return null;
      const range = doc.createRange();
      range.setStart(...startPoint(pieces, start, text.length));
      range.setEnd(...endPoint(pieces, end, text.length));
      return range;
    },

    offsetAt(node, offset) {
      order ??= new Map(visited.map((n, k) => [n, k]));
      if (node.nodeType === TEXT_NODE) {
        const k = order.get(node);
        if (k === undefined) return null;
        return offsetInText(pieces, node as Text, piecesBefore[k]!, before(k), offset, text.length);
      }
      if (!isIndexed(root, node, skip)) return null;
      // Any other container: the point lies before child `offset`, or at the end.
      const next = firstTextFrom(root, node.childNodes[offset] ?? afterSubtree(root, node), skip);
      return next ? before(order.get(next)!) : text.length;
    },
  };
}

/** Whether an element (or other container) is under `root` and outside every skipped element. */
function isIndexed(root: Node, node: Node, skip: (el: Element) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && (isSkipped(n as Element) || skip(n as Element))) return false;
    if (n === root) return true;
  }
  return false;
}

/** The node after `node`'s subtree in document order, within root (null at the end). */
function afterSubtree(root: Node, node: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The first indexed text node at or after `from` (in document order, within root). */
function firstTextFrom(root: Node, from: Node | null, skip: (el: Element) => boolean): Text | null {
  for (let n = from; n;) {
    if (n.nodeType === TEXT_NODE) return n as Text;
    const skipped = n.nodeType === ELEMENT_NODE && (isSkipped(n as Element) || skip(n as Element));
    n = !skipped && n.firstChild ? n.firstChild : afterSubtree(root, n);
  }
  return null;
}

/** The index of the piece holding character `offset` (pieces are in order and cover the text). */
function pieceAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The segment of piece i that holds character `offset`. */
function segmentAt(pieces: Pieces, i: number, offset: number, textEnd: number) {
  for (const segment of segmentsOf(pieces, i, textEnd)) if (offset < segment[1]) return segment;
  throw new Error('offset outside its piece');
}

/** The DOM point just before character `offset`. */
function startPoint(pieces: Pieces, offset: number, textEnd: number): [Text, number] {
  const i = pieceAt(pieces.starts, offset);
  const node = pieces.nodes[i]!;
  const [start, end, rawStart, rawEnd] = segmentAt(pieces, i, offset, textEnd);
  if (end - start === rawEnd - rawStart) return [node, rawStart + (offset - start)];
  // A space that only marks a block boundary starts where the text before it ends.
  if (rawStart === rawEnd && i > 0) return [pieces.nodes[i - 1]!, pieces.rawEnds[i - 1]!];
  return [node, rawStart];
}

/** The DOM point just after character `end - 1`. */
function endPoint(pieces: Pieces, end: number, textEnd: number): [Text, number] {
  const i = pieceAt(pieces.starts, end - 1);
  const [start, segmentEnd, rawStart, rawEnd] = segmentAt(pieces, i, end - 1, textEnd);
  if (segmentEnd - start === rawEnd - rawStart) return [pieces.nodes[i]!, rawStart + (end - start)];
  return [pieces.nodes[i]!, rawEnd];
}

/**
 * The text offset of raw offset `rawOffset` in a visited text node, reached when there were
 * `first` pieces, at text offset `before`. Its pieces are those that name it from piece
 * `first` on: a space for earlier white space may come first (written as its words came),
 * and the space for its own trailing white space comes when the next words do.
 */
function offsetInText(
  pieces: Pieces,
  node: Text,
  first: number,
  before: number,
  rawOffset: number,
  textEnd: number,
): number {
  let offset = before;
  for (let i = first; i < pieces.nodes.length; i++) {
    if (pieces.nodes[i] !== node) {
      if (i > first) break;
      continue; // a space for earlier white space, written as this node's words came
    }
    for (const [start, end, rawStart, rawEnd] of segmentsOf(pieces, i, textEnd)) {
      if (rawOffset >= rawEnd) {
        offset = end; // the whole segment lies before the point
        continue;
      }
      const into = end - start === rawEnd - rawStart ? Math.max(0, rawOffset - rawStart) : 0;
      return start + into;
    }
  }
  return offset;
}
