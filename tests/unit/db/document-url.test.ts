import { documentUrl } from '../../../lib/document-url';

describe('documentUrl', () => {
  it('drops the fragment', () => {
    expect(documentUrl('https://example.org/report#paragraph-12')).toBe('https://example.org/report');
  });

  it('drops utm_*, fbclid and gclid parameters', () => {
    expect(documentUrl('https://news.example/story?utm_source=x&utm_medium=email&fbclid=abc&gclid=def')).toBe(
      'https://news.example/story',
    );
  });

  it('keeps other query parameters in their order and encoding', () => {
    expect(documentUrl('https://example.org/view?id=42&utm_campaign=y&q=a%20b&page=2#top')).toBe(
      'https://example.org/view?id=42&q=a%20b&page=2',
    );
  });

  it('keeps a query parameter that only looks like a tracking one', () => {
    expect(documentUrl('https://example.org/?gclid_note=1&xutm_source=2')).toBe(
      'https://example.org/?gclid_note=1&xutm_source=2',
    );
  });

  it('treats tracking parameter names case-insensitively', () => {
    expect(documentUrl('https://example.org/a?UTM_Source=x&FBCLID=y&k=v')).toBe('https://example.org/a?k=v');
  });

  it('gives the same address for the same document read through different links', () => {
    const a = documentUrl('https://reports.ofsted.gov.uk/provider/44/80000?utm_source=newsletter#summary');
    const b = documentUrl('https://reports.ofsted.gov.uk/provider/44/80000');
    expect(a).toBe(b);
  });

  it('is idempotent', () => {
    const once = documentUrl('https://example.org/a b?x=1&utm_id=2&y=é#f');
    expect(documentUrl(once)).toBe(once);
  });

  it('removes an empty query string', () => {
    expect(documentUrl('https://example.org/a?')).toBe('https://example.org/a');
  });

  it('only drops the fragment of something that is not a URL', () => {
    expect(documentUrl('not a url?utm_source=x#frag')).toBe('not a url?utm_source=x');
  });

  describe('for a PDF from the computer, addressed by its fingerprint', () => {
    const LOCAL_PDF = 'urn:pdf:6a3e0c1f9b2d4e8a7c5b3d1f0e9a8b7c';

    it('leaves a urn:pdf address unchanged', () => {
      expect(documentUrl(LOCAL_PDF)).toBe(LOCAL_PDF);
    });

    it('drops only the fragment a viewer may add', () => {
      expect(documentUrl(`${LOCAL_PDF}#page=4`)).toBe(LOCAL_PDF);
    });
  });
});
