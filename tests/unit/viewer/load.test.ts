import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
// pdf.js's modern build needs a newer Node than the tests run on; the legacy build is the same
// library with polyfills, and runs its worker in this thread.
import * as legacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  classifyPdfError,
  documentIdentity,
  fetchPdfBytes,
  looksLikePdf,
  openPdf,
  problemOf,
  readTextContents,
  textProblem,
} from '../../../lib/viewer/load';
import { LoadError, PROBLEMS, type LoadProblem } from '../../../lib/viewer/problems';

const SHARED_PDFS = resolve(__dirname, '../../../../shared/fixtures/pdfs');
const OWN_PDFS = resolve(__dirname, '../../fixtures/pdf');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const torbay = () => bytesOf(`${SHARED_PDFS}/torbay-2026-ilacs-inspection.pdf`);

const open = (data: Uint8Array) =>
  legacy.getDocument({ data, verbosity: 0 }).promise as unknown as Promise<PDFDocumentProxy>;

/** The problem a load of these bytes ends with (null when the PDF can be annotated). */
async function problemFor(data: Uint8Array): Promise<LoadProblem | null> {
  try {
    const pdf = await openPdf(data, open);
    try {
      return textProblem(await readTextContents(pdf));
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    return problemOf(error);
  }
}

describe('opening a PDF from its bytes', () => {
  it('reads a real report', async () => {
    expect(await problemFor(torbay())).toBeNull();
  });

  it('says a text file is not a PDF', async () => {
    const text = new TextEncoder().encode('Minutes of the scrutiny committee, 3 March 2025.\n');
    expect(await problemFor(text)).toEqual(PROBLEMS.notPdf);
  });

  it('says an HTML page (an error or login page served instead) is not a PDF', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body><h1>Not found</h1></body></html>');
    expect(await problemFor(html)).toEqual(PROBLEMS.notPdf);
  });

  it("says Ofsted's real 'Report not found' page, saved by a scraper under a .pdf name, is not a PDF", async () => {
    const page = bytesOf(
      `${SHARED_PDFS}/more/NOT-A-PDF-ofsted-report-not-found-page-birmingham-2012.pdf.html`,
    );
    expect(await problemFor(page)).toEqual(PROBLEMS.notPdf);
  });

  it('says an empty file is not a PDF', async () => {
    expect(await problemFor(new Uint8Array())).toEqual(PROBLEMS.notPdf);
  });

  it.each([0.9, 0.5, 0.1])('says a copy truncated to %s of its length is damaged', async (share) => {
    const whole = torbay();
    expect(await problemFor(whole.slice(0, Math.floor(whole.length * share)))).toEqual(PROBLEMS.damaged);
  });

  it('says a password-protected PDF cannot be annotated', async () => {
    expect(await problemFor(bytesOf(`${OWN_PDFS}/password-protected.pdf`))).toEqual(PROBLEMS.password);
  });

  it('says a PDF without text (a scan) has no text layer', async () => {
    expect(await problemFor(bytesOf(`${OWN_PDFS}/no-text-layer.pdf`))).toEqual(PROBLEMS.noText);
  });

  it('gives each problem a plain message', () => {
    expect(PROBLEMS.notPdf.message).toBe('This file is not a PDF.');
    expect(PROBLEMS.damaged.message).toBe('This PDF is damaged and cannot be read.');
    expect(PROBLEMS.password.message).toBe('This PDF is protected by a password, so it cannot be annotated.');
    expect(PROBLEMS.noText.message).toBe(
      'This PDF has no text layer (it may be a scanned image), so passages cannot be selected or annotated.',
    );
  });
});

describe('looksLikePdf', () => {
  it('finds the header at the start or after a little junk, as readers do', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(enc('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(enc(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(enc(`${' '.repeat(2000)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(enc('%PDF'))).toBe(false);
  });
});

describe('classifyPdfError', () => {
  it('tells pdf.js errors apart by name, as they cross from its worker', () => {
    expect(classifyPdfError({ name: 'PasswordException', message: 'No password given' })).toEqual(
      PROBLEMS.password,
    );
    expect(classifyPdfError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toEqual(
      PROBLEMS.damaged,
    );
    expect(classifyPdfError(new Error('anything else'))).toEqual(PROBLEMS.damaged);
  });

  it('keeps the problem a LoadError carries', () => {
    expect(problemOf(new LoadError(PROBLEMS.notPdf))).toEqual(PROBLEMS.notPdf);
  });
});

describe('fetchPdfBytes', () => {
  const URL_ = 'https://files.ofsted.gov.uk/v1/file/50276862';
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return problemOf(error);
    }
    throw new Error('expected a failure');
  };

  it('returns the body', async () => {
    const fetch = vi.fn(async () => new Response(new Uint8Array([1, 2, 3])));
    expect([...(await fetchPdfBytes(URL_, { fetch }))]).toEqual([1, 2, 3]);
    expect(fetch).toHaveBeenCalledWith(URL_);
  });

  it('reports an HTTP error with its status', async () => {
    const fetch = async () => new Response('Not found', { status: 404 });
    expect(await failure(fetchPdfBytes(URL_, { fetch }))).toEqual({
      kind: 'http',
      message: 'Could not download the report: HTTP 404.',
    });
  });

  it('offers to ask for the site when the browser refused for want of its permission', async () => {
    const fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    const hasPermission = vi.fn(async () => false);
    const problem = await failure(fetchPdfBytes(URL_, { fetch, hasPermission }));
    expect(hasPermission).toHaveBeenCalledWith('https://files.ofsted.gov.uk');
    expect(problem).toMatchObject({ kind: 'permission', origin: 'https://files.ofsted.gov.uk' });
    expect(problem.message).toContain('files.ofsted.gov.uk');
  });

  it('reports a network failure when the permission is there', async () => {
    const fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    const problem = await failure(fetchPdfBytes(URL_, { fetch, hasPermission: async () => true }));
    expect(problem.kind).toBe('network');
    expect(problem.message).toMatch(/^Could not download the report/);
  });
});

describe('documentIdentity', () => {
  it('is the original address for a download, without its fragment', () => {
    expect(
      documentIdentity({ kind: 'remote', url: 'https://files.ofsted.gov.uk/v1/file/50276862#page=3' }, [
        'abc',
      ]),
    ).toBe('https://files.ofsted.gov.uk/v1/file/50276862');
  });

  it("is the PDF's fingerprint for a local file, wherever it is opened from", async () => {
    const pdf = await openPdf(torbay(), open);
    const identity = documentIdentity({ kind: 'local', name: 'torbay.pdf' }, pdf.fingerprints);
    await pdf.destroy();
    expect(identity).toMatch(/^urn:pdf:[0-9a-f]{32}$/);
    const again = await openPdf(torbay(), open);
    expect(documentIdentity({ kind: 'local', name: 'copy.pdf' }, again.fingerprints)).toBe(identity);
    await again.destroy();
  });
});
