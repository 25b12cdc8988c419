import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launch,
  OWN_FIXTURES,
  paintedTexts,
  selectWithMouse,
  waitForAnnotator,
  type Session,
  annotationDialogFrame,
} from './harness';
import { seedAnnotations } from './extension-data';

// A page on a news site where the annotator runs by itself; its script is hostile.
const HOSTILE = {
  url: 'https://www.devonlive.com/news/hostile-page',
  file: join(OWN_FIXTURES, 'hostile/hostile-page.html'),
};
const QUOTE = 'management oversight of frontline practice was not consistently effective';
const SECRET_NOTE = 'Private briefing note for the lead member 7f3a';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await session.serve(HOSTILE.url, HOSTILE.file);
  await seedAnnotations(session, [
    {
      url: HOSTILE.url,
      title: 'Hostile page',
      quote: QUOTE,
      prefix: 'Inspectors found that ',
      suffix: ', and that some',
      themes: ['oversight'],
      severity: 4,
      note: SECRET_NOTE,
    },
  ]);
});
afterEach(async () => {
  await session?.close();
});

interface Probe {
  hostShadowRoot: string;
  stolenShadowRoots: number;
  pageText: string;
  added: string;
  attributes: string;
  newGlobals: string[];
  runtime: string;
  messages: string;
}

/** Everything the page's own script can find out, asked from the page's world. */
function probe(page: Page): Promise<Probe> {
  return page.evaluate(
    (id) => (window as unknown as { hostile: { probe(id: string): Promise<Probe> } }).hostile.probe(id),
    session.extensionId,
  );
}

/** The annotator has started when its host is in the page; the test does not reach inside. */
async function openHostilePage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(HOSTILE.url);
  await page.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
  await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
  return page;
}

function expectNothingLeaked(found: Probe) {
  expect(found.hostShadowRoot).toBe('null');
  expect(found.stolenShadowRoots).toBe(0);
  for (const text of [found.pageText, found.added, found.attributes, found.messages]) {
    expect(text).not.toContain(SECRET_NOTE);
    expect(text).not.toContain('Management oversight and supervision'); // the theme's name
    expect(text).not.toContain('Serious concern');
  }
  expect(found.newGlobals).toEqual([]);
  expect(found.runtime).not.toMatch(/answered: .*"ok"/);
}

/** Clicks inside the highlighted quote, as a user does to edit it. */
async function clickQuote(page: Page) {
  const at = await page.evaluate((quote) => {
    const text = document.querySelector('#first')!.firstChild as Text;
    const range = document.createRange();
    const start = text.data.indexOf(quote) + 5;
    range.setStart(text, start);
    range.setEnd(text, start + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, QUOTE);
  await page.mouse.click(at.x, at.y);
}

type Hostile = { hostile: { spoiled(): boolean; fakeSelection(): void; restore(): void } };

describe('a hostile page', () => {
  it('finds no annotation in its DOM, its globals, its messages or the shadow root, even with the dialog open', async () => {
    const page = await openHostilePage();
    expectNothingLeaked(await probe(page));

    // The user clicks the highlight: the edit dialog shows the note, inside the closed root.
    await clickQuote(page);
    for (let i = 0; i < 3; i++) expectNothingLeaked(await probe(page));
    // Only now does the test (never the page) look inside, with the page's built-ins back.
    await page.evaluate(() => (window as unknown as Hostile).hostile.restore());
    await waitForAnnotator(page);
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await expect(dialog.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe(SECRET_NOTE);
  });

  it('cannot open the dialog with events it makes up, nor with messages it posts', async () => {
    const page = await openHostilePage();
    await page.evaluate(() => (window as unknown as Hostile).hostile.fakeSelection());
    await probe(page); // posts dialog/open, page/load and annotation/delete messages
    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as Hostile).hostile.restore());
    await waitForAnnotator(page);
    expect(await annotationDialogFrame(page).getByRole('dialog').count()).toBe(0);
    expect(await paintedTexts(page)).toEqual([QUOTE]);
  });

  it('breaks nothing by spoiling getSelection, Array.prototype and JSON in its own world', async () => {
    const page = await openHostilePage();
    await expect(page.evaluate(() => (window as unknown as Hostile).hostile.spoiled())).resolves.toBe(true);

    // A user's selection still opens the dialog, and Ctrl+Enter saves it. (Playwright's own
    // locators run in the page's world, which the page has spoiled, so the test uses keys.)
    await selectWithMouse(page, 'Caseloads had fallen', 'since the last inspection');
    await expect
      .poll(() => paintedTexts(page, 'passing'))
      .toEqual(['Caseloads had fallen since the last inspection']);
    // The dialog has taken the focus (the page sees only its host as the active element).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.localName))
      .toBe('ofsted-annotator-ui');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => paintedTexts(page))
      .toEqual(['Caseloads had fallen since the last inspection', QUOTE].sort());
  });
});
