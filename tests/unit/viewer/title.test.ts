import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as legacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { documentTitle, headingOf } from '../../../lib/viewer/title';

const PDFS = resolve(__dirname, '../../../../shared/fixtures/pdfs');

async function firstPageText(file: string): Promise<TextContent> {
  const pdf = await legacy.getDocument({
    data: new Uint8Array(readFileSync(`${PDFS}/${file}`)),
    verbosity: 0,
  }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  await pdf.destroy();
  return content as unknown as TextContent;
}

const item = (str: string, size: number, hasEOL = false) => ({
  str,
  dir: 'ltr',
  transform: [size, 0, 0, size, 72, 700],
  width: str.length * size * 0.5,
  height: size,
  fontName: 'f1',
  hasEOL,
});

describe('headingOf', () => {
  it("reads a report's heading from the biggest text on its first page", async () => {
    expect(headingOf(await firstPageText('torbay-2026-ilacs-inspection.pdf'))).toBe(
      'Inspection of Torbay local authority children’s services',
    );
    expect(headingOf(await firstPageText('devon-2025-ilacs-inspection.pdf'))).toBe(
      'Inspection of Devon local authority children’s services',
    );
  });

  it('joins the heading over its line breaks and stops at smaller text', () => {
    const items = [
      item('1', 10),
      item('A big', 24, true),
      item('heading', 24),
      item('', 10, true),
      item('Body', 10),
    ];
    expect(headingOf({ items })).toBe('A big heading');
  });

  it('is null for a page without text', () => {
    expect(headingOf({ items: [] })).toBeNull();
    expect(headingOf(undefined)).toBeNull();
  });
});

describe('documentTitle', () => {
  const page = { items: [item('Inspection of Devon local authority', 24)] };
  const remote = { kind: 'remote', url: 'https://files.ofsted.gov.uk/v1/file/50276862' } as const;

  it("prefers a real title from the PDF's properties", () => {
    expect(documentTitle({ Title: 'Devon ILACS 2025' }, page, remote)).toBe('Devon ILACS 2025');
  });

  it("passes over template placeholders in the properties (Ofsted's own template leaves some)", () => {
    const title = 'LA NAME  - standard-short inspection report - INSPECTION DATE';
    expect(documentTitle({ Title: title }, page, remote)).toBe('Inspection of Devon local authority');
    expect(documentTitle({ Title: 'Microsoft Word - report.docx' }, page, remote)).toBe(
      'Inspection of Devon local authority',
    );
  });

  it('falls back on the file name, or the end of the address', () => {
    expect(documentTitle({}, { items: [] }, { kind: 'local', name: 'report.pdf' })).toBe('report.pdf');
    expect(documentTitle(undefined, undefined, remote)).toBe('50276862');
  });
});
