import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectValidExport } from '../unit/export/validate-export';
import {
  launch,
  openPopup,
  openReport,
  OWN_FIXTURES,
  PAGES,
  REPORTS,
  selectWithMouse,
  waitForViewer,
  type Session,
} from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await session.serve(PAGES.ofstedProvider.url, PAGES.ofstedProvider.file);
  await session.serve(PAGES.news.url, PAGES.news.file);
  for (const report of Object.values(REPORTS))
    await session.serve(report.url, report.file, 'application/pdf');
});
afterEach(async () => {
  await session?.close();
});

/** How many passages the viewer has painted. */
function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('ofsted-annotator-severity-'))
      .reduce((n, [, highlight]) => n + highlight.size, 0),
  );
}

async function annotate(page: Page, from: string, to: string, theme: string, severity: string) {
  await selectWithMouse(page, from, to);
  const dialog = page.getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: theme, exact: true }).check();
  await dialog.getByRole('radio', { name: severity }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the PDF viewer', () => {
  it('opens a report linked from an Ofsted provider page, with its details', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.ofstedProvider.url);
    await page.getByRole('link', { name: /13 May 2025/ }).click();
    await waitForViewer(page);
    expect(new URL(page.url()).searchParams.get('file')).toBe(REPORTS.devon2025.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Devon/);
    const grades = page.getByRole('table', { name: 'Judgements' });
    await grades.getByRole('row', { name: 'Overall effectiveness Inadequate' }).waitFor();
  });

  it('opens "Edit annotation" when the user clicks a painted passage, and nothing beside it', async () => {
    const page = await openReport(session, REPORTS.devon2025.url);
    await annotate(
      page,
      'An internal review in early 2024',
      'An internal review in early 2024',
      'Neglect',
      'Strength',
    );
    const word = (text: string) =>
      page.evaluate((text) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          const at = node.data.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, right: rect.right };
        }
        throw new Error(`not on the page: ${text}`);
      }, text);
    const review = await word('internal review');
    const end = await word('early 2024');
    await page.mouse.click(end.right + 30, end.y); // just after it, on words not annotated
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.mouse.click(review.x, review.y);
    const dialog = page.getByRole('dialog', { name: 'Edit annotation' });
    await expect(dialog.getByRole('radio', { name: 'Strength' }).isChecked()).resolves.toBe(true);
  });

  it('annotates across a line break, a hyphenated line end and a page break, and paints them again when reopened', async () => {
    let page = await openReport(session, REPORTS.devon2025.url);
    await annotate(
      page,
      'An internal review in early 2024',
      'need to strengthen,',
      'Early help and family help',
      'Needs improvement',
    );
    await annotate(
      page,
      'domestic abuse and extra-',
      'familial harm for children',
      'Domestic abuse',
      'Serious concern',
    );
    await annotate(
      page,
      'A recently fully staffed service',
      'is appropriate,',
      'Early help and family help',
      'Strength',
    );
    await expect.poll(() => paintedCount(page)).toBe(3);
    await page.close();

    page = await openReport(session, REPORTS.devon2025.url);
    await expect.poll(() => paintedCount(page)).toBe(3);
    const list = page.getByRole('complementary', { name: /annotations/i });
    await expect(list.getByText(/Not found/).count()).resolves.toBe(0);

    // The popup shows the report's details; the export cites each quote.
    const popup = await openPopup(session, page);
    await popup.getByRole('heading', { name: '3 annotations' }).waitFor();
    await popup.getByText('standard inspection').waitFor();
    await popup.getByText('30 September to 11 October 2024 and 13 to 16 January 2025').waitFor();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expectValidExport(data);
    const byQuote = (start: string) =>
      data.annotations.find((a: { quote: string }) => a.quote.startsWith(start));
    const help = 'The experiences and progress of children who need help and protection: inadequate';
    expect(byQuote('An internal review')).toMatchObject({
      quote:
        'An internal review in early 2024 of early help support offered to children and families led to a recognition by senior leaders of the need to strengthen,',
      page: 2,
      paragraph: 2,
      section: help,
    });
    expect(byQuote('domestic abuse')).toMatchObject({
      quote: 'domestic abuse and extra-familial harm for children',
      page: 2,
      section: 'What needs to improve?',
    });
    expect(byQuote('domestic abuse').paragraph).toBeUndefined();
    expect(byQuote('A recently')).toMatchObject({
      quote:
        'A recently fully staffed service has significantly reduced waiting lists and improved the speed of response. 3. The application of thresholds for targeted early help support is appropriate,',
      page: 2,
      pageEnd: 3,
      paragraph: 2,
      section: help,
    });
    expect(byQuote('A recently').document).toMatchObject({
      url: REPORTS.devon2025.url,
      localAuthority: 'Devon',
      visitType: 'standard inspection',
      inspectionDates: { start: '2024-09-30', end: '2025-01-16' },
      judgements: expect.arrayContaining([{ judgement: 'Overall effectiveness', grade: 'Inadequate' }]),
    });
  });
});

describe('files the viewer cannot annotate', () => {
  const BAD = 'https://files.ofsted.gov.uk/v1/file/99999';
  const cases: Array<[string, () => string, string, RegExp]> = [
    ['a page that is not a PDF', () => PAGES.news.file, 'text/html', /This file is not a PDF/],
    ['a damaged PDF', () => truncatedReport(), 'application/pdf', /This PDF is damaged/],
    [
      'a PDF with no text layer',
      () => join(OWN_FIXTURES, 'pdf/no-text-layer.pdf'),
      'application/pdf',
      /no text layer/,
    ],
    [
      'a password-protected PDF',
      () => join(OWN_FIXTURES, 'pdf/password-protected.pdf'),
      'application/pdf',
      /protected by a password/,
    ],
  ];

  it.each(cases)('tells the user about %s, and stores nothing', async (_, file, type, message) => {
    await session.serve(BAD, file(), type);
    const page = await session.context.newPage();
    await page.goto(BAD);
    await page.waitForURL(/viewer\.html/);
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual([expect.stringMatching(message)]);
    await page.mouse.click(400, 500); // a stray click or selection saves nothing
    const popup = await openPopup(session, page);
    await popup.getByRole('tab', { name: 'All pages' }).click();
    await popup.getByText('No annotated pages yet.').waitFor();
  });
});

describe('a PDF from this computer', () => {
  it('opens from the file chooser and keeps its annotations under its fingerprint', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/viewer.html`);
    await page.getByLabel('Choose a PDF…').setInputFiles(REPORTS.torbay2026.file);
    await waitForViewer(page);
    await annotate(
      page,
      'Senior leaders and politicians have a clear',
      'achieve what is best for',
      'Leadership, governance and corporate parenting',
      'Strength',
    );
    await page.reload();
    await page.getByLabel('Choose a PDF…').setInputFiles(REPORTS.torbay2026.file);
    await waitForViewer(page);
    await expect.poll(() => paintedCount(page)).toBe(1);
    const popup = await openPopup(session, page);
    await popup.getByText(/^urn:pdf:[0-9a-f]+$/).waitFor();
    await popup.getByText('short inspection').waitFor();
  });
});

/** The Devon 2025 report cut off half way, as an interrupted download leaves it. */
function truncatedReport(): string {
  const path = join(tmpdir(), 'ofsted-annotator-truncated.pdf');
  const bytes = readFileSync(REPORTS.devon2025.file);
  writeFileSync(path, bytes.subarray(0, bytes.length / 2));
  return path;
}
