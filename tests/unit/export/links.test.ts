import { encodeTextDirective, quoteLink, textDirective } from '../../../lib/export/links';
import type { Annotation } from '../../../lib/model';
import { annotation, NEWS_URL, REPORT_URL, viewerUrl } from './briefing-samples';

/** An annotation on `url` quoting `quote`, with the given context. */
function quoting(quote: string, prefix = '', suffix = '', url = NEWS_URL): Annotation {
  return annotation({ url, quote, selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix, suffix }] });
}

/** The text directive's terms, decoded, as a browser reads them. */
function decodedTerms(link: string): string[] {
  const directive = link.split('#:~:text=')[1]!;
  return directive.split(',').map(decodeURIComponent);
}

describe('quoteLink for web pages', () => {
  it('links a short quote by its whole text', () => {
    expect(quoteLink(quoting('Caseloads are too high.'), viewerUrl)).toBe(
      `${NEWS_URL}#:~:text=Caseloads%20are%20too%20high.`,
    );
  });

  it("percent-encodes '-', ',', '&', '%', spaces and curly quotes, so they cannot split the directive", () => {
    const quote = 'Step-up, step-down & 50% of “front door” cases';
    const link = quoteLink(quoting(quote), viewerUrl)!;
    expect(link).toBe(
      `${NEWS_URL}#:~:text=Step%2Dup%2C%20step%2Ddown%20%26%2050%25%20of%20%E2%80%9Cfront%20door%E2%80%9D%20cases`,
    );
    const fragment = link.split('#:~:text=')[1]!;
    expect(fragment).not.toMatch(/[-,& “”]/);
    expect(decodedTerms(link)).toEqual([quote]);
  });

  it('encodes parentheses and apostrophes too, so the link survives inside Markdown', () => {
    expect(encodeTextDirective("children's (MASH) service")).toBe('children%27s%20%28MASH%29%20service');
  });

  it('encodes half a surrogate pair as the replacement character rather than throwing', () => {
    expect(encodeTextDirective('a\uD83D b \uDE00 😀')).toBe('a%EF%BF%BD%20b%20%EF%BF%BD%20%F0%9F%98%80');
  });

  it('uses whole words of the stored prefix and suffix as context, dropping a possibly cut-off edge word', () => {
    const link = quoteLink(quoting('the local authority', 'ers told them ', ' has not aud'), viewerUrl)!;
    // "ers" and "aud" may be the ends of longer words: the browser matches context by whole words.
    expect(decodedTerms(link)).toEqual(['told them-', 'the local authority', '-has not']);
    expect(link).toContain('#:~:text=told%20them-,the%20local%20authority,-has%20not');
  });

  it('uses at most three words of context on each side', () => {
    const link = quoteLink(
      quoting('was', ' one two three four five ', ' six seven eight nine ten '),
      viewerUrl,
    )!;
    expect(decodedTerms(link)).toEqual(['three four five-', 'was', '-six seven eight']);
  });

  it('keeps the first and last word of context that starts or ends at a space', () => {
    const link = quoteLink(quoting('were seen', ' Children ', ' quickly. '), viewerUrl)!;
    expect(decodedTerms(link)).toEqual(['Children-', 'were seen', '-quickly.']);
  });

  it('encodes hyphens inside the context, keeping the prefix and suffix markers plain', () => {
    const link = quoteLink(quoting('team', ' the multi-agency ', ' re-referrals '), viewerUrl)!;
    expect(link.split('#:~:text=')[1]).toBe('the%20multi%2Dagency-,team,-re%2Dreferrals');
  });

  it('links a long quote by its first and last few words', () => {
    const quote =
      'Managers do not always record the rationale for decisions, so it is not clear why cases close.';
    const link = quoteLink(quoting(quote), viewerUrl)!;
    expect(decodedTerms(link)).toEqual(['Managers do not always', 'clear why cases close.']);
  });

  it('collapses line breaks and runs of spaces in the quote', () => {
    const link = quoteLink(quoting('too\n high   now'), viewerUrl)!;
    expect(link).toBe(`${NEWS_URL}#:~:text=too%20high%20now`);
  });

  it('replaces an existing fragment of the address', () => {
    const link = quoteLink(quoting('Caseloads', '', '', 'https://example.org/news/item#comments'), viewerUrl);
    expect(link).toBe('https://example.org/news/item#:~:text=Caseloads');
  });

  it('gives the bare address for an empty quote', () => {
    expect(textDirective(quoting('  '))).toBe('');
    expect(quoteLink(quoting('  '), viewerUrl)).toBe(NEWS_URL);
  });
});

describe('quoteLink for PDFs', () => {
  it('opens an Ofsted report file in the viewer at the cited page', () => {
    const a = annotation({ url: REPORT_URL, citation: { page: 4, pageEnd: 5, paragraph: 12 } });
    expect(quoteLink(a, viewerUrl)).toBe(
      'chrome-extension://abcdefgh/viewer.html?file=https%3A%2F%2Ffiles.ofsted.gov.uk%2Fv1%2Ffile%2F50250000#page=4',
    );
  });

  it('opens a report on files.api.ofsted.gov.uk in the viewer, without a page when none is cited', () => {
    const url = 'https://files.api.ofsted.gov.uk/v1/file/50260000';
    expect(quoteLink(annotation({ url }), viewerUrl)).toBe(viewerUrl(url));
  });

  it('opens any annotation with a citation (a PDF read in the viewer) in the viewer', () => {
    const url = 'https://www.devon.gov.uk/documents/ofsted-letter';
    expect(quoteLink(annotation({ url, citation: { page: 2 } }), viewerUrl)).toBe(`${viewerUrl(url)}#page=2`);
  });

  it('gives no link for a local PDF, which has no address', () => {
    const a = annotation({ url: 'urn:pdf:0123456789abcdef', citation: { page: 3 } });
    expect(quoteLink(a, viewerUrl)).toBeNull();
  });
});
