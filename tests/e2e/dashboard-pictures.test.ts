import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import { annotateReport, launch, REPORTS, serveReports, type Session } from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await serveReports(session);
});
afterEach(async () => {
  await session?.close();
});

describe('the dashboard’s pictures', () => {
  it('draws the heat map (a cell filters the list), Devon’s visits and the paired bars, readable on a tablet', async () => {
    await annotateReport(session, REPORTS.devon2020.url, 'some children who', 'with their families', {
      severity: 'Needs improvement',
    });
    await annotateReport(
      session,
      REPORTS.devon2025.url,
      'In some cases, there is a reluctance',
      'circumstances for too long.',
      { severity: 'Serious concern' },
    );
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await page.getByText('Showing 2 of 2 annotations.').waitFor();

    // The heat map: a count in every cell; a cell is a button that filters the list to it.
    const heat = page.getByRole('group', { name: /^Heat map: Themes by severity — All annotations/ });
    await heat.waitFor();
    await expect(heat.getByRole('button').count()).resolves.toBe(5);
    await heat
      .getByRole('button', { name: 'Neglect, Needs improvement: 1 annotation. Filter to these' })
      .waitFor();
    await expectNoSeriousViolations(page, 'the dashboard with its pictures');
    await heat
      .getByRole('button', { name: 'Neglect, Serious concern: 1 annotation. Filter to these' })
      .click();
    await page.getByText('Showing 1 of 1 annotation.').waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Serious concern' }).isChecked()).toBe(true);
    // From the keyboard: the cell is focusable and Enter chooses it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Showing 2 of 2 annotations.').waitFor();
    const cell = page.getByRole('button', { name: /^Neglect, Needs improvement: 1 annotation/ });
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Showing 1 of 1 annotation.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Devon's visits: a picture of both inspections, the table behind "Show as table".
    const visits = page.getByRole('region', { name: 'Visits over time' });
    const picture = visits.getByRole('img', { name: 'Visits over time: Devon' });
    await picture.waitFor();
    const drawn = await picture.locator('text').allTextContents();
    expect(drawn).toEqual(expect.arrayContaining(['January 2020', 'September 2024', '↓', '1 annotation']));
    await visits.getByRole('button', { name: 'Show as table' }).click();
    await visits.getByRole('table', { name: 'Devon: 2 reports and letters, oldest first' }).waitFor();

    // Two documents compared: paired bars, the quotes still listed below.
    const compare = page.getByRole('region', { name: 'Compare' });
    const options = await compare.getByLabel('First document').locator('option').allTextContents();
    await compare
      .getByLabel('First document')
      .selectOption({ label: options.find((o) => o.includes('2025'))! });
    await compare
      .getByLabel('Second document')
      .selectOption({ label: options.find((o) => o.includes('2020'))! });
    const bars = compare.getByRole('img', { name: /^Annotations per theme by severity: .* against / });
    await bars.waitFor();
    const barTexts = await bars.locator('text').allTextContents();
    expect(barTexts.slice(0, 2)).toEqual([
      expect.stringMatching(/^Upper bar — 2020: /),
      expect.stringMatching(/^Lower bar — 2024: /),
    ]);
    expect(barTexts).toContain('Neglect');
    await compare
      .getByRole('table', { name: 'Counts by severity for each theme, older document first' })
      .waitFor();
    await expectNoSeriousViolations(page, 'the dashboard comparing two documents');

    // A 768-pixel tablet: no sideways scrolling of the page; pictures fit their column.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0)
      console.log(
        await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter(
              (el) =>
                !el.closest('.visually-hidden') && el.getBoundingClientRect().right > window.innerWidth + 1,
            )
            .slice(0, 12)
            .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
        ),
      );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const svg of await page.locator('figure.chart svg').all())
      expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(768);
    await page.close();
  });
});
