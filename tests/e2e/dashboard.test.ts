import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { expectValidExport } from '../unit/export/validate-export';
import { annotateReport, launch, REPORTS, serveReports, type Session } from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await serveReports(session);
});
afterEach(async () => {
  await session?.close();
});

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('the dashboard', () => {
  it('compares two reports of one local authority and exports briefings of them', async () => {
    await annotateReport(session, REPORTS.devon2020.url, 'some children who', 'with their families', {
      severity: 'Serious concern',
      note: 'Chronic neglect left too long (2020)',
    });
    await annotateReport(
      session,
      REPORTS.devon2025.url,
      'In some cases, there is a reluctance',
      'circumstances for too long.',
      { severity: 'Serious concern', note: 'Still left too long (2025)' },
    );

    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    const devon = page.getByRole('group', { name: 'Devon' });
    await devon.waitFor();
    await expect(devon.getByRole('link').count()).resolves.toBe(2);

    // Grades across time: both inspections, oldest first, each grade against the last one.
    const visits = page.getByRole('table', { name: 'Devon: 2 reports and letters, oldest first' });
    const rows = visits.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe(
      'standard inspection20 January 2020 to 31 January 2020',
    );
    const latest = await rows.nth(2).textContent();
    expect(latest).toContain('Inadequate ↓ (declined from Requires improvement to be good)');
    expect(latest).toContain('1 serious concern');

    const compare = page.getByRole('region', { name: 'Compare' });
    const options = await compare.getByLabel('First document').locator('option').allTextContents();
    const report2020 = options.find((o) => o.includes('2020'))!;
    const report2025 = options.find((o) => o.includes('2025'))!;
    await compare.getByLabel('First document').selectOption({ label: report2020 });
    await compare.getByLabel('Second document').selectOption({ label: report2025 });
    const perTheme = compare.getByRole('table', { name: 'Annotations per theme' });
    await perTheme.getByRole('row', { name: 'Neglect 1 1' }).waitFor();
    await compare.getByText('Chronic neglect left too long (2020)').waitFor();
    await compare.getByText('Still left too long (2025)').waitFor();

    const markdown = await downloaded(page, 'Export Markdown briefing');
    expect(markdown.name).toMatch(/^ofsted-briefing-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text).toMatch(/some children who have suffered chronic neglect/);
    expect(markdown.text).toMatch(/paragraph 11/);
    expect(markdown.text).toMatch(
      /viewer\.html\?file=https%3A%2F%2Ffiles\.ofsted\.gov\.uk%2Fv1%2Ffile%2F50276862#page=\d+/,
    );

    const csv = await downloaded(page, 'Export CSV');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Local authority,Document,Address,Date,Section,Page,Paragraph,Quote,Themes,Severity,Note,Created',
    );
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain('Still left too long (2025)');

    const w3c = JSON.parse((await downloaded(page, 'Export W3C JSON-LD')).text);
    expect(w3c).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
    });
    for (const item of w3c.first.items) {
      expect(item.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ purpose: 'tagging', value: 'Neglect' }),
          expect.objectContaining({ purpose: 'assessing', value: 'Serious concern' }),
        ]),
      );
    }

    const json = JSON.parse((await downloaded(page, 'Export JSON')).text);
    expectValidExport(json);
    expect(
      json.annotations.map((a: { document: { localAuthority: string } }) => a.document.localAuthority),
    ).toEqual(['Devon', 'Devon']);
  });
});
