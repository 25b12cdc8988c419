import { anchorAll } from '../../../lib/anchoring/anchor-all';
import { describeRange } from '../../../lib/anchoring/describe';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { rangeBetween, showPage, textOf } from './helpers';

// [page, what the range crosses, where it starts, where it ends]
const selections: Array<[string, string, string, string]> = [
  ['news-devon-ofsted-2022.html', 'within a paragraph', 'surge in referrals during', 'at risk of harm'],
  ['news-devon-ofsted-2022.html', 'into <strong>', 'according to a new report by', 'Ofsted'],
  ['news-devon-ofsted-2022.html', 'across <strong>', 'a new report by', '.'],
  ['news-devon-ofsted-2022.html', 'across <a>', 'full Ofsted report can be found here', ']'],
  ['news-devon-ofsted-2022.html', 'across paragraphs', 'The findings come from', 'its improvement journey'],
  [
    'news-devon-ofsted-2022.html',
    'into a block quote',
    'further work needs to be done.',
    'not seen quickly enough',
  ],
  [
    'news-devon-ofsted-2022.html',
    'out of a block quote',
    'the report stated.',
    'child protection investigations',
  ],
  [
    'news-devon-ofsted-2022.html',
    'into a figure caption',
    'social workers should also be present',
    'Credit: LDRS',
  ],
  [
    'provider-news-devon-stabilised-workforce.html',
    'within a paragraph',
    'bringing down social work caseloads',
    'manageable level',
  ],
  [
    'provider-news-devon-stabilised-workforce.html',
    'across list items',
    'have started to make an impact',
    'teenagers coming into care',
  ],
  [
    'provider-news-devon-stabilised-workforce.html',
    'into a list',
    'They highlighted:',
    'manageable caseloads',
  ],
  [
    'provider-news-devon-stabilised-workforce.html',
    'into a block quote',
    'last inspected by Ofsted in 2015.',
    'Some inconsistency remains',
  ],
  ['report-devon-2025.html', 'within a paragraph', 'serious failures in the response', 'extra-familial harm'],
  ['report-devon-2025.html', 'across table cells', 'Overall effectiveness', 'Inadequate'],
  [
    'report-devon-2025.html',
    'across list items',
    'the timeliness of strategy discussions',
    'extra-familial harm for children',
  ],
  [
    'report-devon-2025.html',
    'across numbered paragraphs',
    'improved the speed of response.',
    'targeted early help support',
  ],
  [
    'report-devon-2025.html',
    'into a heading',
    'effectiveness of supervision.',
    'help and protection: inadequate',
  ],
  ['ofsted-provider-devon.html', 'within a definition', 'Local authority children', 'services'],
  ['ofsted-provider-devon.html', 'across a term and its definition', 'URN', '80461'],
  [
    'ofsted-provider-devon.html',
    'across list items',
    'Overall effectiveness: Inadequate',
    '17 March 2020, pdf',
  ],
];

describe('describeRange then anchorAll (round trip)', () => {
  it.each(selections)('%s: finds a range %s again, covering the quote', (page, _kind, from, to) => {
    const original = showPage(page);
    const range = rangeBetween(original, from, to);
    const described = describeRange(buildTextIndex(original.body), range)!;
    expect(described.quote).toBe(textOf(range));
    expect(described.quote.startsWith(from) && described.quote.endsWith(to)).toBe(true);

    const reloaded = showPage(page);
    const index = buildTextIndex(reloaded.body);
    const quoteOnly = { selectors: described.selectors.filter((s) => s.type === 'TextQuoteSelector') };
    const [byPosition, bySearch] = anchorAll(index, [described, quoteOnly]);
    expect(byPosition!.match?.method).toBe('position');
    expect(textOf(byPosition!.range!)).toBe(described.quote);
    expect(bySearch!.match).toEqual({ ...byPosition!.match, method: 'exact' });
  });
});
