import type { Selector } from '../model';
import { anchorQuote, type TextMatch } from './anchor';
import type { TextIndex } from './text-index';

/** Anchors many annotations against one index (text extracted once per batch, never per annotation). */
export function anchorAll<T extends { selectors: readonly Selector[] }>(
  index: TextIndex,
  items: readonly T[],
): Array<{ item: T; match: TextMatch | null; range: Range | null }> {
  return items.map((item) => {
    const match = anchorQuote(index.text, item.selectors);
    return { item, match, range: match && index.rangeFor(match.start, match.end) };
  });
}
