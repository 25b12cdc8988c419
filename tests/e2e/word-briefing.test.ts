// The dashboard's Word briefing: the button downloads a .docx, with the pictures drawn as
// SVG and PNG in the browser, that LibreOffice opens and converts to a PDF saying what the
// annotations said.

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { inStyle, readDocx } from '../unit/export/docx-reader';
import { CONVERT_TIMEOUT, docxToPdfText, flat } from '../unit/export/libreoffice';
import { annotateReport, launch, REPORTS, serveReports, type Session } from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await serveReports(session);
});
afterEach(async () => {
  await session?.close();
});

describe('the Word briefing from the dashboard', () => {
  it(
    'downloads a .docx of Devon with its pictures, which LibreOffice converts to a PDF citing each quote',
    async () => {
      await annotateReport(session, REPORTS.devon2020.url, 'some children who', 'with their families', {
        note: 'Neglect <b>2020</b>',
      });
      await annotateReport(
        session,
        REPORTS.devon2025.url,
        'In some cases, there is a reluctance',
        'circumstances for too long.',
        { note: '=HYPERLINK("http://evil.example") 2025' },
      );

      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
      await page.getByRole('checkbox', { name: 'Devon', exact: true }).check();
      await page.getByText('Exports cover the 2 filtered annotations.').waitFor();

      const [download]: [Download, void] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export Word briefing' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^ofsted-briefing-\d{4}-\d{2}-\d{2}\.docx$/);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      // The buttons are usable again once the download has started.
      await expect
        .poll(() => page.getByRole('button', { name: 'Export Word briefing' }).isEnabled())
        .toBe(true);

      const docx = readDocx(bytes);
      expect(inStyle(docx, 'Title')).toEqual(['Ofsted briefing: Devon']);
      expect(inStyle(docx, 'Heading1')).toEqual(['Documents', 'Figures', 'Findings by theme']);
      expect(inStyle(docx, 'Heading2')).toEqual(
        expect.arrayContaining([
          'Annotations by theme and severity: Devon',
          'Visits over time: Devon',
          'Neglect',
        ]),
      );
      // Each picture as SVG with the PNG the dashboard drew from it.
      const media = Object.keys(docx.files).filter((f) => f.startsWith('word/media/'));
      expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
      expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(2);
      const png = docx.files[media.find((f) => f.endsWith('.png'))!]!;
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      for (const { target } of docx.links) expect(target).toMatch(/^https:\/\//);
      expect(docx.documentXml).not.toMatch(/<w:fldSimple|<w:instrText/);

      const { text, links } = await docxToPdfText(bytes);
      const shown = flat(text);
      expect(shown).toContain('Ofsted briefing: Devon');
      expect(shown).toContain('Overall effectiveness');
      expect(shown).toContain('Inadequate');
      expect(shown).toContain('Neglect');
      expect(shown).toMatch(/some children who have suffered chronic neglect/);
      expect(shown).toMatch(/— Inspection of Devon[^—]*, paragraph 11/);
      expect(shown).toContain('Note: Neglect <b>2020</b>');
      expect(shown).toContain('Note: =HYPERLINK("http://evil.example") 2025');
      expect(links).toContainEqual(
        expect.stringMatching(/^https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/50276862#page=\d+$/),
      );
      for (const link of links) expect(link).toMatch(/^https:\/\//);
    },
    120_000 + CONVERT_TIMEOUT,
  );
});
