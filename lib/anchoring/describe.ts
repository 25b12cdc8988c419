import type { Selector } from '../model';
import { CodePointOffsets } from './code-points';
import type { TextIndex } from './text-index';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Selectors for a range: quote = normalised text (trimmed of edge spaces), a TextQuoteSelector
 * with 32 characters of prefix/suffix context, and a TextPositionSelector (code points). Null if the range
 * holds only white space or lies outside the index.
 */
export function describeRange(
  index: TextIndex,
  range: Range,
): { quote: string; selectors: Selector[] } | null {
  const { text } = index;
  let start = index.offsetAt(range.startContainer, range.startOffset);
  let end = index.offsetAt(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  // The text holds no space but ' ', and never two in a row.
  if (text[start] === ' ') start++;
  if (text[end - 1] === ' ') end--;
  if (start >= end) return null;

  return describeText(text, start, end);
}

/**
 * Selectors for text[start, end) (UTF-16 offsets): the quote with its context, and its
 * position counted in code points, as the W3C model counts them.
 */
export function describeText(
  text: string,
  start: number,
  end: number,
  offsets: CodePointOffsets = new CodePointOffsets(text),
): { quote: string; selectors: Selector[] } {
  const quote = text.slice(start, end);
  return {
    quote,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: text.slice(end, end + CONTEXT_LENGTH),
      },
      { type: 'TextPositionSelector', start: offsets.fromUtf16(start), end: offsets.fromUtf16(end) },
    ],
  };
}
