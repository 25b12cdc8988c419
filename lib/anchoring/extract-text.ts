import { isBlock, isSkipped } from './elements';

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
