import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import * as legacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';

it('imports', async () => {
  console.log(typeof pdfjs.getDocument, workerUrl, typeof DOMMatrix);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const data = new Uint8Array(readFileSync('/work/shared/fixtures/pdfs/torbay-2026-ilacs-inspection.pdf'));
  const doc = await legacy.getDocument({ data }).promise;
  console.log(doc.numPages, doc.fingerprints);
  const page = await doc.getPage(1);
  const tc = await page.getTextContent();
  console.log(tc.items.slice(0, 5));
});
