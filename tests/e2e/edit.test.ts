import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launch,
  openPage,
  paintedColours,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
  annotatorUi,
  waitForAnnotator,
  annotationDialogFrame,
} from './harness';

let session: Session;
let page: Page;

const QUOTE =
  'Published this week, the latest report found there was a surge in referrals during the pandemic about children who may be in need or at risk of harm';

beforeEach(async () => {
  session = await launch();
  await session.serve(PAGES.news.url, PAGES.news.file);
  page = await openPage(session, PAGES.news.url);
  await selectWithMouse(page, 'Published this week', 'risk of harm');
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: 'Front door and thresholds' }).check();
  await dialog.getByRole('radio', { name: 'Needs improvement' }).check();
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Referral surge');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
});
afterEach(async () => {
  await session?.close();
});

/** Clicks the middle of the painted passage, as a user does. */
async function clickHighlight() {
  const box = await page.evaluate(() => {
    const range = document.createRange();
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith('Published'))!;
    range.setStart(p.firstChild!, 10);
    range.setEnd(p.firstChild!, 11);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

describe('editing an annotation', () => {
  it('opens "Edit annotation" with the saved values when the highlight is clicked', async () => {
    await clickHighlight();
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('checkbox', { name: 'Front door and thresholds' }).isChecked(),
    ).resolves.toBe(true);
    await expect(dialog.getByRole('radio', { name: 'Needs improvement' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe('Referral surge');
  });

  it('saves changed themes, severity and note, and shows them after a reload', async () => {
    await clickHighlight();
    let dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await dialog.getByRole('checkbox', { name: 'Workforce stability and caseloads' }).check();
    await dialog.getByRole('radio', { name: 'Serious concern' }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Referral surge, staff shortages');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Painted in the colour of "Serious concern".
    await expect.poll(() => paintedColours(page)).toEqual(['rgb(255, 138, 128)']);

    await page.reload();
    await waitForAnnotator(page);
    await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
    await clickHighlight();
    dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await expect(
      dialog.getByRole('checkbox', { name: 'Workforce stability and caseloads' }).isChecked(),
    ).resolves.toBe(true);
    await expect(dialog.getByRole('radio', { name: 'Serious concern' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe(
      'Referral surge, staff shortages',
    );
  });

  it('deletes the annotation, and Undo puts it back', async () => {
    await clickHighlight();
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([]);
    await expect(annotatorUi(page).getByRole('status').textContent()).resolves.toMatch(/Annotation deleted/);

    await annotatorUi(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
    await page.reload();
    await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
  });

  it('stays deleted after a reload when not undone', async () => {
    await clickHighlight();
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForTimeout(500);
    expect(await paintedTexts(page)).toEqual([]);
  });
});
