import { anchorAll } from '../../../lib/anchoring/anchor-all';
import { describeRange } from '../../../lib/anchoring/describe';
import { buildTextIndex, type TextIndex } from '../../../lib/anchoring/text-index';
import type { Selector } from '../../../lib/model';
import { showEdited, showPage, textOf } from './helpers';

/** One annotation per sentence of the page shown now. */
function annotateSentences(index: TextIndex): Array<{ id: number; quote: string; selectors: Selector[] }> {
  const annotations = [];
  for (const sentence of index.text.matchAll(/[A-Z][^.]{20,}?\./g)) {
    const range = index.rangeFor(sentence.index, sentence.index + sentence[0].length)!;
    annotations.push({ id: annotations.length, ...describeRange(index, range)! });
  }
  return annotations;
}

describe('anchorAll', () => {
  it('anchors every sentence of a long report by position when the page is unchanged', () => {
    const annotations = annotateSentences(buildTextIndex(showPage('report-devon-2025.html').body));
    expect(annotations.length).toBeGreaterThan(250);

    const results = anchorAll(buildTextIndex(showPage('report-devon-2025.html').body), annotations);
    expect(results.map((r) => r.match?.method)).toEqual(annotations.map(() => 'position'));
    for (const { item, range } of results.filter((_, i) => i % 10 === 0)) {
      expect(textOf(range!)).toBe(item.quote);
    }
  });

  it('finds every sentence again after a long block is inserted at the top, whatever order they come in', () => {
    const annotations = annotateSentences(buildTextIndex(showPage('report-devon-2025.html').body));
    const shuffled = annotations.filter((_, i) => i % 3 === 0).reverse();
    const doc = showPage('report-devon-2025.html');
    const block = doc.createElement('div');
    block.textContent = 'Advertisement: compare energy deals from thirty suppliers. '.repeat(100);
    doc.body.prepend(block);

    const results = anchorAll(buildTextIndex(doc.body), shuffled);
    expect(results.map((r) => r.item)).toEqual(shuffled);
    expect(results.map((r) => r.match?.method)).toEqual(shuffled.map(() => 'exact'));
    for (const { item, range } of results) expect(textOf(range!)).toBe(item.quote);
  });

  it('returns one result per item, in order, keeping orphans with no match and no range', () => {
    const annotations = annotateSentences(buildTextIndex(showPage('report-devon-2025.html').body));
    const revised = showEdited('report-devon-2025.revised.html');
    const results = anchorAll(buildTextIndex(revised.body), annotations);

    expect(results.map((r) => r.item)).toEqual(annotations);
    const orphans = results.filter((r) => !r.match);
    expect(orphans.every((r) => r.range === null)).toBe(true);
    // Exactly the sentences of the removed paragraph 30 and the rewritten one in paragraph 45.
    expect(orphans.map((r) => r.item.quote)).toEqual([
      'When there are safeguarding concerns about children in care, child protection strategy meetings are not consistently held in a reasonable timescale, to enable a timely response to reduce the risk of harm to children.',
      'Most care leavers in custody were living in temporary accommodation prior to arrest.',
    ]);
    for (const { item, range } of results.filter((r) => r.match)) {
      expect(textOf(range!)).toBe(item.quote);
    }
  });
});
