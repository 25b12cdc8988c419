import type { Selector } from '../model';
import { anchorQuote, type TextMatch } from './anchor';
import { CodePointOffsets } from './code-points';
import { GramIndex } from './grams';
import { positionOf } from './selectors';
import type { TextIndex } from './text-index';

/**
 * Anchors many annotations against one index: the text is extracted once per batch, never
 * per annotation, and its gram index (for fuzzy search) built at most once. Annotations are
 * taken in the order of their old positions, each expected where the one before it moved
 * to (an ad inserted near the top moves all that follow alike), so a shifted page is searched
 * near each quote's new place first. Results come back in the order given.
 */
export function anchorAll<T extends { selectors: readonly Selector[] }>(
  index: TextIndex,
  items: readonly T[],
): Array<{ item: T; match: TextMatch | null; range: Range | null }> {
  let grams: GramIndex | undefined;
  const gramIndex = () => (grams ??= new GramIndex(index.text));
  const offsets = new CodePointOffsets(index.text);
  const order = items.map((item, i) => {
    const start = positionOf(item.selectors)?.start;
    return { i, start: start === undefined ? undefined : offsets.toUtf16(start) };
  });
  order.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const matches: Array<TextMatch | null> = [];
  let shift = 0;
  for (const { i, start } of order) {
    const match = anchorQuote(index.text, items[i]!.selectors, { shift, grams: gramIndex, offsets });
    if (match && start !== undefined) shift = match.start - start;
    matches[i] = match;
  }
  return items.map((item, i) => {
    const match = matches[i]!;
    return { item, match, range: match && index.rangeFor(match.start, match.end) };
  });
}
