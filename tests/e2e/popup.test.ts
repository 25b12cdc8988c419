import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectValidExport } from '../unit/export/validate-export';
import {
  launch,
  openPage,
  openPopup,
  PAGES,
  selectWithMouse,
  type Session,
  annotationDialogFrame,
  paintedTexts,
} from './harness';

let session: Session;
let page: Page;

async function annotate(from: string, to: string, theme: string, severity: string, note = '') {
  await selectWithMouse(page, from, to);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: theme, exact: true }).check();
  await dialog.getByRole('radio', { name: severity }).check();
  if (note) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeEach(async () => {
  session = await launch();
  for (const p of Object.values(PAGES)) await session.serve(p.url, p.file);
  page = await openPage(session, PAGES.news.url);
  await annotate(
    'Published this week',
    'risk of harm',
    'Front door and thresholds',
    'Needs improvement',
    'Referral surge',
  );
  await annotate('Daily meetings now take place', 'domestic abuse', 'Multi-agency working', 'Strength');
  await annotate(
    'some unilateral decision-making remains',
    'should also be present',
    'Multi-agency working',
    'Needs improvement',
  );
});
afterEach(async () => {
  await session?.close();
});

describe('the popup', () => {
  it('lists the page’s annotations with counts by theme and by severity', async () => {
    const popup = await openPopup(session, page);
    await popup.getByRole('heading', { name: '3 annotations' }).waitFor();
    const items = popup.getByRole('button', { name: /Published this week|Daily meetings|unilateral/ });
    await expect(items.count()).resolves.toBe(3);

    const bySeverity = popup.getByRole('table', { name: 'By severity' });
    await expect(bySeverity.getByRole('row', { name: 'Needs improvement 2' }).count()).resolves.toBe(1);
    await expect(bySeverity.getByRole('row', { name: 'Strength 1' }).count()).resolves.toBe(1);
    const byTheme = popup.getByRole('table', { name: 'By theme' });
    await expect(byTheme.getByRole('row', { name: 'Multi-agency working 2' }).count()).resolves.toBe(1);
    await expect(byTheme.getByRole('row', { name: 'Front door and thresholds 1' }).count()).resolves.toBe(1);
  });

  it('scrolls the page to an annotation and flashes it when the user clicks it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(session, page);
    await popup.getByRole('button', { name: /unilateral decision-making/ }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect
      .poll(() => paintedTexts(page, 'passing'))
      .toEqual([expect.stringMatching(/^some unilateral decision-making remains/)]);
  });

  it('shows the page’s count on the toolbar button', async () => {
    // The extension cannot read tab addresses (no "tabs" permission): the news page is the
    // only tab with annotations, so it is the one badge that is not empty.
    const badges = await session.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
    });
    expect(badges.filter(Boolean)).toEqual(['3']);
  });

  it('lists every annotated page and searches quotes and notes', async () => {
    const report = await openPage(session, PAGES.report.url);
    page = report;
    await annotate(
      'Children’s experiences in Devon remain poor',
      'at risk of harm',
      'Neglect',
      'Serious concern',
    );

    const popup = await openPopup(session, report);
    await popup.getByRole('tab', { name: 'All pages' }).click();
    await popup
      .getByRole('link', { name: /Devon's vulnerable children/ })
      .first()
      .waitFor();
    await expect(popup.getByRole('link', { name: /Devon's vulnerable children/ }).count()).resolves.toBe(1);
    await expect(
      popup.getByRole('link', { name: /Inspection of Devon local authority/ }).count(),
    ).resolves.toBe(1);

    await popup.getByRole('searchbox', { name: 'Search quotes and notes' }).fill('referral surge');
    await popup.getByRole('heading', { name: '1 match' }).waitFor();
    await expect(popup.getByText(/Published this week/).count()).resolves.toBe(1);
  });

  it('exports every annotation as JSON in the published format', async () => {
    const popup = await openPopup(session, page);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ofsted-annotations-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expectValidExport(data);
    expect(data.annotations).toHaveLength(3);
    const surge = data.annotations.find((a: { note: string }) => a.note === 'Referral surge');
    expect(surge).toMatchObject({
      document: { url: PAGES.news.url, title: expect.stringMatching(/^Devon's vulnerable children/) },
      quote: expect.stringMatching(/^Published this week.*risk of harm$/),
      themes: ['front-door'],
      severity: 3,
    });
  });
});

describe('a page that is not on the default list', () => {
  it('does not run the annotator until the user switches it on, and the popup offers to', async () => {
    const other = await session.context.newPage();
    await other.goto(PAGES.providerNews.url);
    await selectWithMouse(other, 'Devon children', 'manageable level');
    await other.waitForTimeout(300);
    expect(await other.locator('ofsted-annotator-ui').count()).toBe(0);
    const popup = await openPopup(session, other);
    // The popup asks the tab what it runs before it draws its buttons: wait for them as a user would.
    await popup.getByRole('button', { name: 'Switch on for this page' }).waitFor();
    await popup.getByRole('button', { name: 'Always on this site' }).waitFor();
  });
});
