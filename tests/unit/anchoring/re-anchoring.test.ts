import { anchorAll } from '../../../lib/anchoring/anchor-all';
import { describeRange } from '../../../lib/anchoring/describe';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import type { Selector } from '../../../lib/model';
import { rangeBetween, showEdited, showPage, textOf } from './helpers';

type Described = { quote: string; selectors: Selector[] };

/** Selects from `from` to `to` on the page as it is shown now, and describes the selection. */
function describeShown(from: string, to: string = from): Described {
  const range = rangeBetween(document, from, to);
  return describeRange(buildTextIndex(document.body), range)!;
}

/** Anchors on the page as it is shown now: the match and the text of its range. */
function anchorShown(described: Described) {
  const [result] = anchorAll(buildTextIndex(document.body), [described]);
  return { method: result!.match?.method ?? null, text: result!.range && textOf(result!.range) };
}

describe('re-anchoring after the page changes', () => {
  it('finds quotes again after ads and read-more boxes are injected before and inside the article', () => {
    showPage('news-devon-ofsted-2022.html');
    const quotes = [
      describeShown('Many of Devon’s vulnerable children', 'by'), // before the read-more box
      describeShown('The findings come from', 'January 2020.'), // just after it
      describeShown('In particular, many children', 'the report stated.'), // just after an ad
      describeShown('Daily meetings now take place', 'domestic abuse.'),
    ];
    showEdited('news-devon-ofsted-2022.ads.html');
    for (const described of quotes) {
      expect(anchorShown(described)).toEqual({ method: 'exact', text: described.quote });
    }
  });

  it('anchors a passage that a read-more box now interrupts, around the box', () => {
    showPage('news-devon-ofsted-2022.html');
    const described = describeShown('has begun to address', 'enthusiastic about the future.');
    showEdited('news-devon-ofsted-2022.ads.html');
    const { method, text } = anchorShown(described);
    expect(method).toBe('fuzzy');
    expect(text).toBe(
      described.quote.replace('Devon. “During', 'Devon. Read more: Devon’s SEND services “During'),
    );
  });

  it('ignores changed white space and line breaks', () => {
    const originalText = buildTextIndex(showPage('news-devon-ofsted-2022.html').body).text;
    const quotes = [
      describeShown('remain in unsafe and neglectful', 'Ofsted'),
      describeShown('pointed to some improvements', 'county hall'),
      describeShown('children who are at the greatest risk', 'clearly identified.'),
    ];
    expect(buildTextIndex(showEdited('news-devon-ofsted-2022.reflowed.html').body).text).toBe(originalText);
    for (const described of quotes) {
      expect(anchorShown(described)).toEqual({ method: 'position', text: described.quote });
    }
  });

  it('finds quotes after a new paragraph is inserted before them', () => {
    showPage('report-devon-2025.html');
    const quotes = [
      describeShown('There are delays in almost half', 'being held.'),
      describeShown('Placement sufficiency is a significant ongoing challenge'),
    ];
    showEdited('report-devon-2025.revised.html');
    for (const described of quotes) {
      expect(anchorShown(described)).toEqual({ method: 'exact', text: described.quote });
    }
  });

  it('finds a quote whose typo has since been fixed, by fuzzy search', () => {
    showEdited('report-devon-2025.typos.html');
    const quotes = [
      describeShown('The quality of pre-birth assesments', 'effective planning.'),
      describeShown('Personal advisors visit most', 'when this is needed.'),
    ];
    showPage('report-devon-2025.html');
    expect(quotes.map(anchorShown)).toEqual([
      {
        method: 'fuzzy',
        text: 'The quality of pre-birth assessments is variable, and some lack thorough analysis to inform effective planning.',
      },
      {
        method: 'fuzzy',
        text: 'Personal advisers visit most care leavers regularly, and sometimes more frequently when this is needed.',
      },
    ]);
  });

  it('orphans a quote whose paragraph was removed', () => {
    showPage('report-devon-2025.html');
    const quotes = [
      describeShown('When there are safeguarding concerns', 'reduce the risk of harm to children.'),
      describeShown('child protection strategy meetings are not consistently held'),
      describeShown('reasonable timescale'),
    ];
    showEdited('report-devon-2025.revised.html');
    for (const described of quotes) expect(anchorShown(described)).toEqual({ method: null, text: null });
  });

  it('orphans a quote changed by more than a fifth', () => {
    showPage('report-devon-2025.html');
    const described = describeShown('Most care leavers in custody', 'prior to arrest.');
    showEdited('report-devon-2025.revised.html');
    expect(anchorShown(described)).toEqual({ method: null, text: null });
  });

  it('never anchors a removed finding to the similar sentence that remains', () => {
    showPage('provider-news-devon-stabilised-workforce.html');
    const quotes = [
      describeShown('children in need and those children who are subject to a child protection plan'),
      describeShown('Social workers working with children in need', 'in Devon.'),
    ];
    showEdited('provider-news-devon-stabilised-workforce.edited.html');
    expect(document.body.textContent).toContain(
      'children in need and those who are subject to a child protection plan',
    );
    for (const described of quotes) expect(anchorShown(described)).toEqual({ method: null, text: null });
  });

  it.each(['care leavers', 'children in care', 'the local authority'])(
    'chooses the right occurrence of "%s", a phrase repeated many times',
    (phrase) => {
      const original = buildTextIndex(showPage('report-devon-2025.html').body);
      const annotations: Described[] = [];
      for (let at = original.text.indexOf(phrase); at !== -1; at = original.text.indexOf(phrase, at + 1)) {
        annotations.push(describeRange(original, original.rangeFor(at, at + phrase.length)!)!);
      }
      expect(annotations.length).toBeGreaterThanOrEqual(5);

      const revised = buildTextIndex(showEdited('report-devon-2025.revised.html').body);
      const results = anchorAll(revised, annotations);
      for (const { item, match } of results) {
        // Where the occurrence went: its surroundings, if they survived the revision.
        const { start, end } = item.selectors[1] as { start: number; end: number };
        const surroundings = original.text.slice(start - 40, end + 40);
        const moved = revised.text.indexOf(surroundings);
        const expected = moved === -1 ? null : { start: moved + 40, end: moved + 40 + phrase.length };
        expect(match && { start: match.start, end: match.end }).toEqual(expected);
      }
      // Only occurrences in the rewritten sentence of paragraph 45 (or the removed paragraph 30) are lost.
      expect(results.filter((r) => r.match).length).toBeGreaterThanOrEqual(annotations.length - 2);
    },
  );

  it('never places a quote from a removed paragraph on other text', () => {
    const doc = showPage('report-devon-2025.html');
    const index = buildTextIndex(doc.body);
    for (const paragraph of doc.querySelectorAll('p.numbered')) {
      const whole = describeRange(index, rangeAround(paragraph))!;
      const quotes = [...phrasesOf(whole.quote.replace(/^\d+\. /, ''))].map((quote) => {
        const start = index.text.indexOf(quote, (whole.selectors[1] as { start: number }).start);
        return describeRange(index, index.rangeFor(start, start + quote.length)!)!;
      });
      const next = paragraph.nextSibling;
      paragraph.remove();
      const results = anchorAll(buildTextIndex(doc.body), quotes);
      expect(results.filter((r) => r.match).map((r) => r.item.quote)).toEqual([]);
      next!.parentNode!.insertBefore(paragraph, next);
    }
  }, 30_000); // happy-dom is slow, and each orphan costs a fuzzy search of the whole text
});

function rangeAround(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

/** The whole paragraph, its sentences, and runs of 2, 3 and 5 words through it. */
function phrasesOf(paragraph: string): Set<string> {
  const words = paragraph.split(' ');
  const phrases = new Set([paragraph, ...paragraph.split(/(?<=\.) /)]);
  for (const length of [2, 3, 5]) {
    for (let i = 0; i + length <= words.length; i += 5) phrases.add(words.slice(i, i + length).join(' '));
  }
  return phrases;
}
