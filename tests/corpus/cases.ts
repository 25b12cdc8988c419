import type { CaseSpec } from './build';

// The edit corpus's cases: a page, an edited copy of it, and how many passages to annotate.
// Page names: `pages/` is ../shared/fixtures/pages, `anchoring/` and `corpus/` are under
// tests/fixtures (each folder's README says what was edited).

const NEWS = 'pages/news-devon-ofsted-2022.html';
const PROVIDER_NEWS = 'pages/provider-news-devon-stabilised-workforce.html';
const REPORT = 'pages/report-devon-2025.html';
const OFSTED_PROVIDER = 'pages/ofsted-provider-devon.html';

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
    edited: 'corpus/news-devon-ofsted-2022.read-more.html',
    count: 16,
    scope: 'article',
  },
  {
    name: 'report-repeated-phrases',
    kind: 'repeated phrase',
    original: REPORT,
    edited: 'corpus/report-devon-2025.repeated.html',
    count: 30,
    phrases: ['care leavers', 'the local authority', 'children in care', 'personal advisers'],
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
    edited: 'corpus/report-devon-2025.structure.html',
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
    edited: 'corpus/report-devon-2025.structure.html',
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
];
