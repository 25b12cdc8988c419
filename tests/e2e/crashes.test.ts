import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  launch,
  openPage,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
  annotationDialogFrame,
} from './harness';
import { storedAnnotations, stopServiceWorker } from './extension-data';

const FIRST = 'Published this week, the latest report found there was a surge in referrals';
const SECOND = 'Daily meetings now take place';

let session: (Session & { profileDir: string }) | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(profileDir?: string) {
  session = await launch(profileDir);
  for (const page of Object.values(PAGES)) await session.serve(page.url, page.file);
  return session;
}

/** Selects a passage and ticks a theme in the dialog, leaving it open for the test to save. */
async function prepare(page: Page, from: string, to: string) {
  // The user works in the tab in front (a hidden tab's frames get no mouse clicks in headless Chromium).
  await page.bringToFront();
  await selectWithMouse(page, from, to);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: 'Front door and thresholds' }).check();
  return dialog;
}

describe('saving through crashes', () => {
  it('keeps a save the background was stopped in the middle of, once', async () => {
    const { worker } = await start();
    const page = await openPage(session!, PAGES.news.url);
    const dialog = await prepare(page, 'Published this week', 'surge in referrals');

    // Hold the database so that the background's save waits, then stop the background.
    await worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ofsted-annotator');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('annotations', 'readwrite').objectStore('annotations');
            const keepBusy = () => (store.count().onsuccess = keepBusy);
            keepBusy();
            resolve();
          };
        }),
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('button', { name: 'Saving…' }).waitFor();
    await page.waitForTimeout(300);
    await expect(dialog.isVisible()).resolves.toBe(true); // not saved yet: the save is waiting
    await stopServiceWorker(session!);

    // The page sends the save again to the restarted background; the user sees it saved.
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([FIRST]);
    const stored = await storedAnnotations(session!);
    expect(stored.map((a) => a.quote)).toEqual([FIRST]);
  });

  it('keeps every save the user saw succeed after the browser is closed and reopened', async () => {
    const first = await start();
    let page = await openPage(first, PAGES.news.url);
    for (const [from, to] of [
      ['Published this week', 'surge in referrals'],
      ['Daily meetings now take place', 'Daily meetings now take place'],
    ]) {
      const dialog = await prepare(page, from!, to!);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    // Closed at once, without waiting for anything else to settle.
    await first.context.close();

    const again = await start(first.profileDir);
    page = await openPage(again, PAGES.news.url);
    await expect.poll(() => paintedTexts(page)).toEqual([SECOND, FIRST].sort());
    expect((await storedAnnotations(again)).map((a) => a.quote).sort()).toEqual([SECOND, FIRST].sort());
  });

  it('keeps both saves, once each, when two tabs save at the same moment', async () => {
    await start();
    const news = await openPage(session!, PAGES.news.url);
    const report = await openPage(session!, PAGES.report.url);
    const newsDialog = await prepare(news, 'Published this week', 'surge in referrals');
    const reportQuote = await report.evaluate(() => {
      const p = [...document.querySelectorAll('main p')].find((el) => (el.textContent ?? '').length > 80)!;
      return (p.firstChild as Text).data.trim().split(/\s+/).slice(0, 6).join(' ');
    });
    const reportDialog = await prepare(report, reportQuote, reportQuote);

    // Both at once: one tab is behind the other, so each button is pressed from its own frame.
    await Promise.all([
      newsDialog.getByRole('button', { name: 'Save' }).evaluate((button: HTMLElement) => button.click()),
      reportDialog.getByRole('button', { name: 'Save' }).evaluate((button: HTMLElement) => button.click()),
    ]);
    await newsDialog.waitFor({ state: 'detached' });
    await reportDialog.waitFor({ state: 'detached' });
    const stored = await storedAnnotations(session!);
    expect(stored.map((a) => `${a.url} ${a.quote}`).sort()).toEqual(
      [`${PAGES.news.url} ${FIRST}`, `${PAGES.report.url} ${reportQuote}`].sort(),
    );
  });
});
