import type { CaseSpec } from './build';

// The edit corpus's cases: a page, an edited copy of it, and how many passages to annotate.
// Page names: `pages/` is ../shared/fixtures/pages, `anchoring/` and `corpus/` are under
// tests/fixtures (each folder's README says what was edited).

const NEWS = 'pages/news-devon-ofsted-2022.html';
const PROVIDER_NEWS = 'pages/provider-news-devon-stabilised-workforce.html';
const REPORT = 'pages/report-devon-2025.html';
const OFSTED_PROVIDER = 'pages/ofsted-provider-devon.html';
const REPEATED = 'corpus/report-devon-2025.repeated.html';
const STRUCTURE = 'corpus/report-devon-2025.structure.html';
const READ_MORE = 'corpus/news-devon-ofsted-2022.read-more.html';
const SYNDICATED = 'corpus/news-devon-ofsted-2022.syndicated.html';
const PHRASES = ['care leavers', 'the local authority', 'children in care', 'personal advisers'];
/** The report's first blocks (its title and dates) and its last (the licence, address and contacts). */
const REPORT_ENDS = 'h1, p.dates, article > p:nth-last-child(-n+3)';
/** The two paragraphs syndicated: in the article, and again in the box after it. */
const SYNDICATED_PARAGRAPHS = 'article > p:nth-of-type(5), article > p:nth-of-type(6), aside.syndicated p';

export const CASES: readonly CaseSpec[] = [
  {
    name: 'report-typos-fixed',
    kind: 'typo fixed',
    original: 'anchoring/report-devon-2025.typos.html',
    edited: REPORT,
    count: 20,
  },
  {
    name: 'report-paragraph-inserted',
    kind: 'paragraph inserted',
    original: REPORT,
    edited: 'corpus/report-devon-2025.inserted.html',
    count: 20,
  },
  {
    name: 'report-paragraph-removed',
    kind: 'paragraph removed',
    original: REPORT,
    edited: 'anchoring/report-devon-2025.revised.html',
    count: 24,
  },
  {
    name: 'news-whitespace',
    kind: 'whitespace',
    original: NEWS,
    edited: 'anchoring/news-devon-ofsted-2022.reflowed.html',
    count: 15,
    scope: 'article',
  },
  {
    name: 'news-ads',
    kind: 'ad block inside',
    original: NEWS,
    edited: 'anchoring/news-devon-ofsted-2022.ads.html',
    count: 20,
    scope: 'article',
  },
  {
    name: 'news-read-more-in-paragraph',
    kind: 'read more box inside',
    original: NEWS,
    edited: READ_MORE,
    count: 16,
    scope: 'article',
  },
  {
    name: 'report-repeated-phrases',
    kind: 'repeated phrase',
    original: REPORT,
    edited: REPEATED,
    count: 30,
    phrases: PHRASES,
  },
  {
    name: 'provider-news-list-item-removed',
    kind: 'list items',
    original: PROVIDER_NEWS,
    edited: 'anchoring/provider-news-devon-stabilised-workforce.edited.html',
    count: 10,
    scope: 'ul.findings, ul.findings + p',
  },
  {
    name: 'report-list-items',
    kind: 'list items',
    original: REPORT,
    edited: STRUCTURE,
    count: 10,
    scope: 'ul.improve',
  },
  {
    name: 'ofsted-provider-report-added',
    kind: 'list items',
    original: OFSTED_PROVIDER,
    edited: 'corpus/ofsted-provider-devon.updated.html',
    count: 6,
    scope: 'main',
  },
  {
    name: 'report-table-cells',
    kind: 'table cells',
    original: REPORT,
    edited: STRUCTURE,
    count: 14,
    scope: 'table.judgements, table.judgements + p',
  },
  {
    name: 'news-block-quotes',
    kind: 'block quote',
    original: NEWS,
    edited: 'corpus/news-devon-ofsted-2022.quotes.html',
    count: 14,
    scope: 'article blockquote, article blockquote + p, article p:has(+ blockquote)',
  },
  {
    name: 'provider-news-block-quote',
    kind: 'block quote',
    original: PROVIDER_NEWS,
    edited: 'corpus/provider-news-devon-stabilised-workforce.quote.html',
    count: 8,
    scope: 'blockquote, blockquote + p',
  },

  // Annotations stored as other tools store them: context on one side only (the other empty),
  // or the raw text's white space and line breaks; quotes at the ends of the text; a paragraph
  // that appears twice on the page.
  {
    name: 'report-repeated-suffix-only',
    kind: 'context on one side only',
    original: REPORT,
    edited: REPEATED,
    count: 20,
    phrases: PHRASES,
    stored: 'suffix only',
  },
  {
    name: 'report-table-suffix-only',
    kind: 'context on one side only',
    original: REPORT,
    edited: STRUCTURE,
    count: 10,
    scope: 'table.judgements, table.judgements + p',
    stored: 'suffix only',
  },
  {
    name: 'report-table-prefix-only',
    kind: 'context on one side only',
    original: REPORT,
    edited: STRUCTURE,
    count: 10,
    scope: 'table.judgements, table.judgements + p',
    stored: 'prefix only',
  },
  {
    name: 'news-read-more-suffix-only',
    kind: 'context on one side only',
    original: NEWS,
    edited: READ_MORE,
    count: 12,
    scope: 'article',
    stored: 'suffix only',
  },
  {
    name: 'news-read-more-prefix-only',
    kind: 'context on one side only',
    original: NEWS,
    edited: READ_MORE,
    count: 12,
    scope: 'article',
    stored: 'prefix only',
  },
  {
    name: 'report-ends',
    kind: 'quote at an end of the text',
    original: REPORT,
    edited: 'corpus/report-devon-2025.ends.html',
    count: 14,
    scope: REPORT_ENDS,
  },
  {
    name: 'report-ends-raw',
    kind: 'white space stored by another tool',
    original: REPORT,
    edited: 'corpus/report-devon-2025.ends.html',
    count: 14,
    scope: REPORT_ENDS,
    stored: 'raw',
  },
  {
    name: 'news-reflowed-raw',
    kind: 'white space stored by another tool',
    original: 'anchoring/news-devon-ofsted-2022.reflowed.html',
    edited: READ_MORE,
    count: 14,
    scope: 'article',
    stored: 'raw',
  },
  {
    name: 'news-syndicated',
    kind: 'syndicated paragraph',
    original: SYNDICATED,
    edited: 'corpus/news-devon-ofsted-2022.syndicated-edited.html',
    count: 16,
    scope: SYNDICATED_PARAGRAPHS,
  },
  {
    name: 'news-syndicated-raw',
    kind: 'syndicated paragraph',
    original: SYNDICATED,
    edited: 'corpus/news-devon-ofsted-2022.syndicated-edited.html',
    count: 12,
    scope: SYNDICATED_PARAGRAPHS,
    stored: 'raw',
  },
];
