import { anchorAll } from '../../../lib/anchoring/anchor-all';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { loadCorpus, type CorpusAnnotation } from '../../corpus/corpus';
import { showHtml } from './helpers';

// The edit corpus (tests/corpus): annotations made on pages, anchored on edited copies of them.

type Score = 'found' | 'orphaned' | 'missed' | 'wrong';

/**
 * right: found on the expected text, or orphaned when an orphan is expected; missed: orphaned
 * although its quote is still there, changed by up to a fifth; wrong: anchored when an orphan
 * is expected, or on other text than expected.
 */
function score(
  expected: CorpusAnnotation['expected'],
  anchored: { text: string; start: number } | null,
): Score {
  if (anchored === null) return expected === 'orphan' ? 'orphaned' : 'missed';
  return expected !== 'orphan' && anchored.text === expected.text && anchored.start === expected.start
    ? 'found'
    : 'wrong';
}

describe('the edit corpus', () => {
  const corpus = loadCorpus();
  const results = corpus.flatMap((c) => {
    const index = buildTextIndex(showHtml(c.edited).body);
    return anchorAll(index, c.annotations).map(({ item, match }) => ({
      kind: c.kind,
      id: item.id,
      expected: item.expected,
      anchored: match && index.text.slice(match.start, match.end),
      score: score(
        item.expected,
        match && { text: index.text.slice(match.start, match.end), start: match.start },
      ),
    }));
  });

  it('has about 200 annotations across every kind of edit', () => {
    expect(results.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.kind)).size).toBeGreaterThanOrEqual(9);
    const kinds = [...new Set(results.map((r) => r.kind))];
    for (const kind of kinds) {
      const of = results.filter((r) => r.kind === kind);
      const count = (s: Score) => of.filter((r) => r.score === s).length;
      console.log(
        `${kind}: ${of.length} annotations; found ${count('found')}, orphaned ${count('orphaned')} (right: ${count('found') + count('orphaned')}); missed ${count('missed')}; wrong ${count('wrong')}`,
      );
    }
  });

  it('never anchors an annotation to other words than its own', () => {
    expect(results.filter((r) => r.score === 'wrong')).toEqual([]);
  });

  it('finds every annotation whose quote is still there, changed by up to a fifth', () => {
    expect(results.filter((r) => r.score === 'missed')).toEqual([]);
  });
});
