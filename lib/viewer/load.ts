import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { documentUrl } from '../document-url';
import {
  httpProblem,
  LoadError,
  networkProblem,
  permissionProblem,
  PROBLEMS,
  type LoadProblem,
} from './problems';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

interface FetchDeps {
  fetch?: typeof globalThis.fetch;
  /** Whether the extension holds the host permission for an origin ("https://host"). */
  hasPermission?: (origin: string) => Promise<boolean>;
}

/** Whether the extension may read every page of a site (its host permission). */
export function hasHostPermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

/** Asks the user for the host permission of a site; must run in a user gesture. */
export function requestHostPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

/**
 * Downloads a PDF. Fails with a LoadError: HTTP errors with their status; a request the
 * browser refused for want of the site's host permission (cross-origin, no CORS) as
 * `permission`, so the viewer can ask for it; any other failure as `network`.
 */
export async function fetchPdfBytes(url: string, deps: FetchDeps = {}): Promise<Uint8Array> {
  const { fetch: fetchFn = globalThis.fetch.bind(globalThis), hasPermission = hasHostPermission } = deps;
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch {
    const { origin } = new URL(url);
    const allowed = await hasPermission(origin).catch(() => true);
    throw new LoadError(allowed ? networkProblem() : permissionProblem(origin));
  }
  if (!response.ok) throw new LoadError(httpProblem(response.status));
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new LoadError(networkProblem());
  }
}

/** pdf.js accepts up to 1024 bytes of junk before the header, as readers do. */
const HEADER_WINDOW = 1024;
const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether bytes start (within their first 1 KB) with a PDF header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, HEADER_WINDOW) - HEADER.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < HEADER.length; j++) if (bytes[i + j] !== HEADER[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The problem for what pdf.js threw while opening or reading a PDF. pdf.js's exceptions
 * cross from its worker as plain errors, so they are told apart by name.
 */
export function classifyPdfError(error: unknown): LoadProblem {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return PROBLEMS.password;
  // InvalidPDFException, FormatError, UnknownErrorException and anything else pdf.js meets
  // in a file that starts as a PDF: the file is damaged (truncated, corrupt).
  return PROBLEMS.damaged;
}

/** The problem to show for anything a load threw. */
export function problemOf(error: unknown): LoadProblem {
  return error instanceof LoadError ? error.problem : classifyPdfError(error);
}

export type OpenPdf = (data: Uint8Array) => Promise<PDFDocumentProxy>;

/** pdf.js in this page, with its worker; no eval (the extension's CSP forbids it). */
export const openWithPdfjs: OpenPdf = (data) =>
  pdfjs.getDocument({ data, isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS }).promise;

/**
 * Opens a PDF from its bytes (which pdf.js takes over). Fails with a LoadError: `not-pdf` when
 * the bytes are no PDF at all (an HTML page, a text file), `password`, or `damaged`.
 */
export async function openPdf(data: Uint8Array, open: OpenPdf = openWithPdfjs): Promise<PDFDocumentProxy> {
  if (!looksLikePdf(data)) throw new LoadError(PROBLEMS.notPdf);
  try {
    return await open(data);
  } catch (error) {
    throw new LoadError(classifyPdfError(error));
  }
}

/** Every page's text, in page order; a page that cannot be read makes the PDF `damaged`. */
export async function readTextContents(pdf: PDFDocumentProxy): Promise<TextContent[]> {
  const contents: TextContent[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) contents.push(await (await pdf.getPage(n)).getTextContent());
  } catch (error) {
    throw new LoadError(classifyPdfError(error));
  }
  return contents;
}

/** Whether a page's text content holds any visible character. */
export function hasText(content: Pick<TextContent, 'items'>): boolean {
  return content.items.some((item) => 'str' in item && item.str.trim() !== '');
}

/** `no-text` when no page has any text (a scanned report), else null. */
export function textProblem(contents: readonly Pick<TextContent, 'items'>[]): LoadProblem | null {
  return contents.some(hasText) ? null : PROBLEMS.noText;
}

/** Where the PDF came from. */
export type PdfSource = { kind: 'remote'; url: string } | { kind: 'local'; name: string };

/**
 * The document's identity, under which its annotations are kept: the original address (as
 * lib/document-url.ts normalises it) for a downloaded PDF, the PDF's own fingerprint for a
 * local file, so the same file finds its annotations again wherever it is opened from.
 */
export function documentIdentity(source: PdfSource, fingerprints: readonly (string | null)[]): string {
  if (source.kind === 'remote') return documentUrl(source.url);
  return `urn:pdf:${fingerprints[0] ?? 'unknown'}`;
}
