import { describeRange } from '../../../lib/anchoring/describe';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { rangeBetween, showHtml, showPage } from './helpers';

describe('describeRange', () => {
  it('gives the normalised quote, 32 characters of context each side and the position', () => {
    const doc = showPage('report-devon-2025.html');
    const index = buildTextIndex(doc.body);
    const range = rangeBetween(doc, 'Managers provide timely', 'screening activity');
    const described = describeRange(index, range)!;
    const quote =
      'Managers provide timely and appropriate oversight of contacts, and social workers are promptly allocated to undertake screening activity';
    const start = index.text.indexOf(quote);
    expect(described.quote).toBe(quote);
    expect(described.selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: index.text.slice(start - 32, start),
        suffix: index.text.slice(start + quote.length, start + quote.length + 32),
      },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ]);
    expect(described.selectors[0]).toMatchObject({
      prefix: 'ied and improvements were made. ',
      suffix: '. Parental consent is routinely ',
    });
  });

  it('counts the position in code points: an emoji before the quote counts once', () => {
    const doc = showHtml('<p>Young people said 🙂 the service listened. Managers check every plan.</p>');
    const index = buildTextIndex(doc.body);
    const range = rangeBetween(doc, 'Managers', 'plan');
    const unitStart = index.text.indexOf('Managers');
    const described = describeRange(index, range)!;
    expect(described.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: unitStart - 1,
      end: unitStart - 1 + 'Managers check every plan'.length,
    });
  });

  it('trims white space at the edges of the range', () => {
    const doc = showHtml('<p>One  </p>\n<p>  two three</p>');
    const index = buildTextIndex(doc.body);
    const range = doc.createRange();
    range.setStart(doc.querySelector('p')!.firstChild!, 3);
    range.setEnd(doc.querySelectorAll('p')[1]!.firstChild!, 5);
    expect(describeRange(index, range)).toMatchObject({
      quote: 'two',
      selectors: [
        { exact: 'two', prefix: 'One ', suffix: ' three' },
        { start: 4, end: 7 },
      ],
    });
  });

  it('describes a range given by element boundary points', () => {
    const doc = showPage('news-devon-ofsted-2022.html');
    const index = buildTextIndex(doc.body);
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('blockquote')!);
    expect(describeRange(index, range)?.quote).toBe(
      '“In particular, many children for whom there are concerns of significant harm are not seen quickly enough,” the report stated.',
    );
  });

  it('keeps context short at the edges of the text', () => {
    const doc = showHtml('<p>Devon</p><p>Children’s services</p>');
    const index = buildTextIndex(doc.body);
    const described = describeRange(index, rangeBetween(doc, 'Devon'));
    expect(described?.selectors[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Devon',
      prefix: '',
      suffix: ' Children’s services',
    });
  });

  it('returns null for a range of white space only', () => {
    const doc = showHtml('<p>One</p>\n   \n<p>two</p>');
    const index = buildTextIndex(doc.body);
    const range = doc.createRange();
    range.setStart(doc.body.childNodes[1]!, 1);
    range.setEnd(doc.body.childNodes[1]!, 4);
    expect(describeRange(index, range)).toBeNull();
  });

  it('returns null for a range in skipped text or outside the root', () => {
    const doc = showHtml('<nav>Menu</nav><article><p>Text</p><script>var secret = 1;</script></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    expect(describeRange(index, rangeBetween(doc, 'secret'))).toBeNull();
    expect(describeRange(index, rangeBetween(doc, 'Menu'))).toBeNull();
    expect(describeRange(index, rangeBetween(doc, 'Text'))?.quote).toBe('Text');
  });
});
