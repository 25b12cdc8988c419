import { fileParam, isWebAddress, pageParam } from '../../../lib/viewer/file-param';

const VIEWER = 'chrome-extension://abcdefghijklmnop/viewer.html';
const REPORT = 'https://files.ofsted.gov.uk/v1/file/50276862';

describe('fileParam', () => {
  it('takes an address given as it is', () => {
    expect(fileParam(`${VIEWER}?file=${REPORT}`)).toBe(REPORT);
  });

  it('decodes a percent-encoded address', () => {
    expect(fileParam(`${VIEWER}?file=${encodeURIComponent(REPORT)}`)).toBe(REPORT);
  });

  it('keeps the query of an unencoded address whole, after the first file=', () => {
    const url = 'https://www.council.gov.uk/download?file=ofsted.pdf&version=2';
    expect(fileParam(`${VIEWER}?file=${url}`)).toBe(url);
  });

  it('keeps escapes that belong to an unencoded address', () => {
    const url = 'https://www.council.gov.uk/docs/Ofsted%20report%202025.pdf';
    expect(fileParam(`${VIEWER}?file=${url}`)).toBe(url);
  });

  it('decodes an encoded address with its own query and escapes', () => {
    const url = 'https://www.council.gov.uk/docs/Ofsted%20report.pdf?a=1&b=2';
    expect(fileParam(`${VIEWER}?file=${encodeURIComponent(url)}`)).toBe(url);
  });

  it('finds file= after other parameters, but not inside another name', () => {
    expect(fileParam(`${VIEWER}?lang=en&file=${REPORT}`)).toBe(REPORT);
    expect(fileParam(`${VIEWER}?profile=${REPORT}`)).toBeNull();
  });

  it('is null without a file', () => {
    expect(fileParam(VIEWER)).toBeNull();
    expect(fileParam(`${VIEWER}?file=`)).toBeNull();
    expect(fileParam(`${VIEWER}?other=1`)).toBeNull();
  });

  it('keeps a malformed escape as it is', () => {
    expect(fileParam(`${VIEWER}?file=files.ofsted.gov.uk%2Fv1%zz`)).toBe('files.ofsted.gov.uk%2Fv1%zz');
  });
});

describe('isWebAddress', () => {
  it('accepts https and http only', () => {
    expect(isWebAddress(REPORT)).toBe(true);
    expect(isWebAddress('http://example.org/a.pdf')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('file:///home/me/report.pdf')).toBe(false);
    expect(isWebAddress('not an address')).toBe(false);
  });
});

describe('pageParam', () => {
  it('reads the page a link to a quote names', () => {
    expect(pageParam('#page=7')).toBe(7);
    expect(pageParam('#zoom=2&page=12')).toBe(12);
  });

  it('is null without a page', () => {
    expect(pageParam('')).toBeNull();
    expect(pageParam('#')).toBeNull();
    expect(pageParam('#pages=3')).toBeNull();
  });
});
