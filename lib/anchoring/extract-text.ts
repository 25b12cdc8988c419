import { isBlock, isSkipped } from './elements';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The normalised text is made of pieces, each from one text node: a node's words ("content",
 * its white space collapsed inside) or one space standing for white space between words.
 * Piece i is text[starts[i], starts[i + 1]) and comes from raw characters
 * [rawStarts[i], rawEnds[i]) of nodes[i]:
 * - the same number of characters: copied one for one (words, or a single white-space character);
 * - one character from none: a space that only marks a block boundary or a line break,
 *   attributed to the text node that follows it, at the offset where its words start;
 * - one character from several: a run of white space collapsed to a space;
 * - fewer characters from more: words with runs of white space collapsed inside them, mapped
 *   character by character only when asked (most text needs no collapsing at all).
 */
export interface Pieces {
  nodes: Text[];
  starts: number[];
  rawStarts: number[];
  rawEnds: number[];
}

export interface ExtractedText {
  text: string;
  pieces: Pieces;
  /** Every text node visited (not in a skipped element), in document order. */
  visited: Text[];
  /** How many pieces there were when each visited text node was reached. */
  piecesBefore: number[];
}

/** A run of white space other than one space: where the text needs collapsing. */
const COLLAPSIBLE = /[^\S ]| {2}/;
const SPACE_RUNS = /\s+/g;

/** "extra-" at a line's end, then "familial": one word, as the reader reads it. */
const HYPHEN_AT_END = /\p{L}-$/u;
const LOWERCASE_START = /^\p{Ll}/u;

/** Whether a UTF-16 unit is white space as JavaScript's `\s` has it. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * One pass over the nodes under `root` (iterative, in document order), building the
 * normalised text and the pieces that map it to the DOM. A space is written only when a word
 * follows it: no leading, trailing or double spaces. The pending space is null, a block
 * boundary (-1), a line break (-2), or white space of a text node (pendingNode, from
 * pendingStart to pendingEnd): the first white space since the last word wins over a boundary.
 */
export function extractText(root: Node, skip: (el: Element) => boolean): ExtractedText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const rawStarts: number[] = [];
  const rawEnds: number[] = [];
  const visited: Text[] = [];
  const piecesBefore: number[] = [];
  let length = 0;
  let lastWords = ''; // the last piece of words written, for the hyphen rule
  let pending = 0; // 0 none, -1 boundary, -2 line break, 1 white space of pendingNode
  let pendingNode: Text | null = null;
  let pendingStart = 0;
  let pendingEnd = 0;

  const piece = (node: Text, text: string, rawStart: number, rawEnd: number) => {
    parts.push(text);
    nodes.push(node);
    starts.push(length);
    rawStarts.push(rawStart);
    rawEnds.push(rawEnd);
    length += text.length;
  };

  const addText = (node: Text) => {
    visited.push(node);
    piecesBefore.push(nodes.length);
    const data = node.data;
    const rawLength = data.length;
    if (rawLength === 0) return;
    let lead = 0; // raw white space before the words
    while (lead < rawLength && isSpace(data.charCodeAt(lead))) lead++;
    if (lead === rawLength) {
      // White space alone.
      if (pending <= 0) {
        pending = 1;
        pendingNode = node;
        pendingStart = 0;
        pendingEnd = rawLength;
      }
      return;
    }
    let end = rawLength; // where the white space after the words starts
    while (isSpace(data.charCodeAt(end - 1))) end--;
    let words = lead === 0 && end === rawLength ? data : data.slice(lead, end);
    if (COLLAPSIBLE.test(words)) words = words.replace(SPACE_RUNS, ' ');
    if (lead > 0 && pending <= 0) {
      pending = 1;
      pendingNode = node;
      pendingStart = 0;
      pendingEnd = lead;
    }
    if (pending !== 0 && length > 0) {
      if (pending === -2 && HYPHEN_AT_END.test(lastWords) && LOWERCASE_START.test(words)) {
        // a word hyphenated across lines: no space
      } else if (pending < 0) piece(node, ' ', lead, lead);
      else piece(pendingNode!, ' ', pendingStart, pendingEnd);
    }
    piece(node, words, lead, end);
    lastWords = words;
    if (end < rawLength) {
      pending = 1;
      pendingNode = node;
      pendingStart = end;
      pendingEnd = rawLength;
    } else {
      pending = 0;
      pendingNode = null;
    }
  };

  /** Whether an element's text is left out; otherwise marks the boundary it opens. */
  const enter = (el: Element): boolean => {
    if (isSkipped(el) || skip(el)) return false;
    if (el.localName === 'br') {
      if (pending === 0) pending = -2;
    } else if (isBlock(el) && pending === 0) pending = -1;
    return true;
  };
  const leave = (node: Node) => {
    if (pending === 0 && node.nodeType === ELEMENT_NODE && isBlock(node as Element)) pending = -1;
  };

  let node: Node = root;
  for (;;) {
    let descend = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) addText(node as Text);
    else if (type === ELEMENT_NODE) descend = enter(node as Element);
    else descend = true;
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) leave(node);
    // Up until a next sibling, leaving each element on the way.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      leave(node);
    }
    if (node === root) break;
    node = node.nextSibling!;
  }

  return { text: parts.join(''), pieces: { nodes, starts, rawStarts, rawEnds }, visited, piecesBefore };
}

/**
 * A piece as segments that each map one for one or collapse one run (as the old segment list
 * had them): words with collapsed white space inside are split at each run of two or more
 * characters. Yields [start, end, rawStart, rawEnd].
 */
export function* segmentsOf(
  pieces: Pieces,
  i: number,
  textEnd: number,
): Generator<[number, number, number, number]> {
  const start = pieces.starts[i]!;
  const end = pieces.starts[i + 1] ?? textEnd;
  const rawStart = pieces.rawStarts[i]!;
  const rawEnd = pieces.rawEnds[i]!;
  if (end - start === rawEnd - rawStart || end - start === 1) {
    yield [start, end, rawStart, rawEnd];
    return;
  }
  const data = pieces.nodes[i]!.data;
  const runs = new RegExp(SPACE_RUNS.source, 'g');
  runs.lastIndex = rawStart;
  let at = start; // text offset of raw offset `from`
  let from = rawStart;
  for (let m = runs.exec(data); m && m.index < rawEnd; m = runs.exec(data)) {
    const runLength = m[0].length;
    if (runLength === 1) continue;
    const before = m.index - from;
    if (before > 0) yield [at, at + before, from, m.index];
    at += before;
    yield [at, at + 1, m.index, m.index + runLength];
    at += 1;
    from = m.index + runLength;
  }
  if (from < rawEnd) yield [at, end, from, rawEnd];
}
