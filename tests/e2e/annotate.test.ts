import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launch,
  openPage,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
  annotatorUi,
  annotationDialogFrame,
} from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  for (const page of Object.values(PAGES)) await session.serve(page.url, page.file);
});
afterEach(async () => {
  await session?.close();
});

const FIRST_LINE =
  'Many of Devon’s vulnerable children “remain in unsafe and neglectful circumstances for too long,” according to a new report by Ofsted';

describe('annotating a news page', () => {
  it('saves a selection across inline elements with its themes, severity and note, and paints it again after a reload', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'Many of Devon’s vulnerable', 'Ofsted');

    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Neglect', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Timeliness, drift and delay' }).check();
    await dialog.getByRole('radio', { name: 'Serious concern' }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Opening line of the article');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([FIRST_LINE]);

    await page.reload();
    await expect.poll(() => paintedTexts(page)).toEqual([FIRST_LINE]);
  });

  it('paints a selection that runs from a paragraph into a block quote', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'pointed to some improvements', 'not seen quickly enough');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [painted] = await paintedTexts(page);
    expect(painted).toMatch(/^pointed to some improvements/);
    expect(painted).toMatch(/not seen quickly enough$/);
  });

  it('closes the dialog on Escape without saving anything', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'Published this week', 'risk of harm');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    expect(await paintedTexts(page)).toEqual([]);
  });

  it('opens the dialog when a keyboard selection ends', async () => {
    const page = await openPage(session, PAGES.news.url);
    await page.keyboard.down('Shift');
    // What caret browsing does for Shift+Ctrl+Right, three times (headless has no caret browsing).
    await page.evaluate(() => {
      const text = [...document.querySelectorAll('p')].find((p) =>
        p.textContent!.startsWith('Published'),
      )!.firstChild!;
      getSelection()!.collapse(text, 0);
      for (let i = 0; i < 3; i++) getSelection()!.modify('extend', 'forward', 'word');
    });
    await page.keyboard.up('Shift');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.waitFor();
    await expect(dialog.getByText('Published this week').count()).resolves.toBe(1);
  });

  it('opens nothing for a selection in a text field, of only white space, or in its own dialog', async () => {
    const page = await openPage(session, PAGES.news.url);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.value = 'Search the site for children’s services';
      document.querySelector('main')!.prepend(input);
    });
    await page.getByRole('textbox').first().selectText();
    await page.keyboard.press('Shift'); // a keyboard selection ends with Shift released
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const blank = document.createTextNode('   \n   ');
      article.insertBefore(blank, article.querySelector('p'));
      const range = document.createRange();
      range.selectNodeContents(blank);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(await annotationDialogFrame(page).getByRole('dialog').count()).toBe(0);

    await selectWithMouse(page, 'Published this week', 'risk of harm');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.waitFor();
    await dialog.getByText('Published this week').selectText();
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await annotationDialogFrame(page).getByRole('dialog').count()).toBe(1);
    await expect(dialog.getByRole('textbox', { name: 'Note' }).count()).resolves.toBe(1);
  });

  it('keeps what the user typed when the page changes under the dialog', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'Published this week', 'risk of harm');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Referrals surged');
    await page.evaluate(() => {
      const ad = document.createElement('div');
      ad.innerHTML = '<p>Advertisement: holiday lets in Salcombe</p>';
      document.querySelector('article')!.prepend(ad);
      document.querySelector('ofsted-annotator-ui')!.remove(); // a careless page script
    });
    await page.waitForTimeout(600); // past the annotator's settling delay
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Note' }).inputValue())
      .toBe('Referrals surged');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => paintedTexts(page))
      .toEqual([
        'Published this week, the latest report found there was a surge in referrals during the pandemic about children who may be in need or at risk of harm',
      ]);
  });
});

describe('a very long selection', () => {
  it('is refused with a message that says why', async () => {
    const page = await openPage(session, PAGES.report.url);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Shift');
    const message = annotatorUi(page).getByRole('status');
    await expect(message.textContent()).resolves.toMatch(/too long to annotate/);
    expect(await annotationDialogFrame(page).getByRole('dialog').count()).toBe(0);
  });
});

describe('the in-page dialog', () => {
  it('is untouched by the page’s own CSS', async () => {
    const page = await openPage(session, PAGES.news.url);
    await page.addStyleTag({
      content: 'button, input, textarea { display: none !important } * { font-size: 2px !important }',
    });
    await selectWithMouse(page, 'Published this week', 'risk of harm');
    const save = annotationDialogFrame(page)
      .getByRole('dialog', { name: 'Annotate selection' })
      .getByRole('button', { name: 'Save' });
    await save.waitFor();
    await expect(save.isVisible()).resolves.toBe(true);
    const fontSize = await save.evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
    expect(fontSize).toBeGreaterThan(10);
  });
});
