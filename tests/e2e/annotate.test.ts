import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launch,
  openPage,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
} from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  for (const page of Object.values(PAGES)) await session.serve(page.url, page.file);
});
afterEach(async () => {
  await session?.close();
});

describe('annotating a news page', () => {
  it('saves a selection across inline elements with its themes, severity and note, and paints it again after a reload', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'Many of Devon’s vulnerable', 'Ofsted');

    const dialog = page.getByRole('dialog', { name: 'Annotate selection' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByRole('checkbox', { name: 'Neglect', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Timeliness, drift and delay' }).check();
    await dialog.getByRole('radio', { name: 'Serious concern' }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Opening line of the article');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const quote =
      'Many of Devon’s vulnerable children “remain in unsafe and neglectful circumstances for too long,” according to a new report by Ofsted';
    await expect.poll(() => paintedTexts(page)).toEqual([quote]);

    await page.reload();
    await expect.poll(() => paintedTexts(page)).toEqual([quote]);
  });
});
