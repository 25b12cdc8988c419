import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAnnotations } from './extension-data';
import { launch, openPage, OWN_FIXTURES, paintedTexts, type Session } from './harness';

// The highlights are boxes drawn over the text (in the closed shadow root), so they must
// follow the text wherever the page's layout moves it. `paintedTexts` reads the text under the
// boxes as they show, so each check below fails if a box is left behind.

const PAGE = {
  url: 'https://www.devonlive.com/news/a-page-that-moves-its-text',
  file: join(OWN_FIXTURES, 'layout/moving-page.html'),
};
const FONT = {
  url: 'https://www.devonlive.com/fonts/late-font.ttf',
  file: createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'),
};
const FIRST = 'the front door responds promptly when children are at risk';
const FONTED = 'Managers have reduced caseloads in the assessment teams';
const DEEP = 'Leaders have increased the number of permanent social workers';
const VISIBLE = [FIRST, FONTED].sort();
const ALL = [FIRST, FONTED, DEEP].sort();

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch();
  await session.serve(PAGE.url, PAGE.file);
  await session.serve(FONT.url, FONT.file, 'font/ttf');
  await seedAnnotations(
    session,
    [FIRST, FONTED, DEEP].map((quote) => ({ url: PAGE.url, title: 'Moving page', quote })),
  );
  page = await openPage(session, PAGE.url);
});
afterAll(async () => {
  await session?.close();
});

/** How wide the late-font paragraph's text is: changes when the font arrives. */
const textWidth = () =>
  page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#fonted')!);
    return range.getBoundingClientRect().width;
  });

/** Scrolls the page's scrolling box to its top, or until the deep paragraph shows. */
const scrollBox = (to: 'top' | 'deep') =>
  page.evaluate((where) => {
    const scroller = document.querySelector<HTMLElement>('#scroller')!;
    scroller.scrollTop = where === 'top' ? 0 : document.querySelector<HTMLElement>('#deep')!.offsetTop - 8;
  }, to);

describe('highlights drawn over the page', () => {
  it('show only where their scrolling box shows them, and follow it as it scrolls', async () => {
    await expect.poll(() => paintedTexts(page)).toEqual(VISIBLE);
    await scrollBox('deep');
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
    await scrollBox('top');
    await expect.poll(() => paintedTexts(page)).toEqual(VISIBLE);
  });

  it('stay on their text when the page scrolls, is resized or zoomed', async () => {
    await scrollBox('deep');
    await page.evaluate(() => window.scrollTo(0, 40));
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
    await page.setViewportSize({ width: 500, height: 700 }); // the paragraphs wrap anew
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
    await page.bringToFront();
    await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true });
      await chrome.tabs.setZoom(tab!.id!, 1.5); // as Ctrl and + would
    });
    await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(1.5);
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
  });

  it('stay on their text when the page opens a banner above it or a web font arrives', async () => {
    await page.evaluate(() => document.querySelector('#banner')!.classList.add('open'));
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
    const before = await textWidth();
    await page.evaluate(
      (url) => (window as unknown as { loadLateFont(u: string): Promise<void> }).loadLateFont(url),
      FONT.url,
    );
    const after = await textWidth();
    expect(after).not.toBe(before); // the font did change where the text is
    await expect.poll(() => paintedTexts(page)).toEqual(ALL);
  });
});
