import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launch,
  openPage,
  openPopup,
  OWN_FIXTURES,
  paintedTexts,
  PAGES,
  selectWithMouse,
  waitForAnnotator,
  type Session,
  annotationDialogFrame,
} from './harness';

const edited = (name: string) => join(OWN_FIXTURES, 'anchoring', name);

let session: Session;
let page: Page;

async function annotate(from: string, to: string) {
  await selectWithMouse(page, from, to);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeEach(async () => {
  session = await launch();
});
afterEach(async () => {
  await session?.close();
});

describe('finding annotations again on a changed page', () => {
  it('paints what is still there on the right words, across list items and paragraphs, and keeps the rest as orphans', async () => {
    // The report as first published, with typos...
    await session.serve(PAGES.report.url, edited('report-devon-2025.typos.html'));
    page = await openPage(session, PAGES.report.url);
    await annotate('The quality of pre-birth assesments', 'effective planning');
    await annotate('When there are safeguarding concerns about children in care', 'risk of harm to children');
    await annotate('The response to children at immediate risk', 'extra-familial harm for children');
    await annotate('This means that some children are left in neglectful', 'are generally well attended');
    await expect.poll(async () => (await paintedTexts(page)).length).toBe(4);

    // ...then revised: typos fixed, a note inserted above, paragraph 30 removed.
    await session.serve(PAGES.report.url, edited('report-devon-2025.revised.html'));
    await page.reload();
    await waitForAnnotator(page);
    await expect
      .poll(() => paintedTexts(page))
      .toEqual(
        [
          'The quality of pre-birth assessments is variable, and some lack thorough analysis to inform effective planning',
          'The response to children at immediate risk of harm, including the timeliness of strategy discussions. The identification of risk and response to neglect, domestic abuse and extra-familial harm for children',
          'This means that some children are left in neglectful or risky circumstances for too long. 12. Child protection conferences are generally well attended',
        ].sort(),
      );

    const popup = await openPopup(session, page);
    await popup.getByRole('heading', { name: '4 annotations' }).waitFor();
    const orphan = popup.getByRole('listitem').filter({ hasText: 'Not found on this page' });
    await expect(orphan.count()).resolves.toBe(1);
    await expect(orphan.textContent()).resolves.toMatch(
      /When there are safeguarding concerns about children in care/,
    );
  });

  it('finds annotations again after ads and read-more boxes are added and white space changes', async () => {
    await session.serve(PAGES.news.url, PAGES.news.file);
    page = await openPage(session, PAGES.news.url);
    await annotate('Many of Devon’s vulnerable', 'Ofsted');
    await annotate('Professional curiosity is hampered', 'too long.');
    await annotate('During this time, the introduction', 'about the future.');
    const before = await paintedTexts(page);
    expect(before).toHaveLength(3);

    for (const copy of ['news-devon-ofsted-2022.ads.html', 'news-devon-ofsted-2022.reflowed.html']) {
      await session.serve(PAGES.news.url, edited(copy));
      await page.reload();
      await waitForAnnotator(page);
      await expect.poll(() => paintedTexts(page)).toEqual(before);
    }
  });
});
