import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launch,
  openPage,
  openPopup,
  OWN_FIXTURES,
  REPORTS,
  type Session,
  openReport,
  annotationDialogFrame,
} from './harness';
import { seedAnnotations } from './extension-data';

// Stored strings holding HTML, script, Markdown and formula payloads (see payload-page.html).
const PAGE = {
  url: 'https://www.communitycare.co.uk/payloads',
  file: join(OWN_FIXTURES, 'hostile/payload-page.html'),
};
const QUOTE = `The article quoted <img src=x onerror="window.__pwned='quote'"> and [a link](javascript:alert(1))`;
const NOTE = `<script>window.__pwned='note'</script> **bold** =HYPERLINK("http://evil.example")`;
const THEME = `<img src=x onerror="window.__pwned='theme'">`;

let session: Session;
beforeEach(async () => {
  session = await launch();
  await session.serve(PAGE.url, PAGE.file);
  await session.serve(REPORTS.devon2025.url, REPORTS.devon2025.file, 'application/pdf');
  // A theme named with markup, written where the options page keeps themes.
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.evaluate(
    (label) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ofsted-annotator');
        open.onsuccess = () => {
          const tx = open.result.transaction('themes', 'readwrite');
          tx.objectStore('themes').put({ id: 'payload', label, color: '#123456', order: 99, retired: false });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    THEME,
  );
  await options.close();
  await seedAnnotations(session, [
    { url: PAGE.url, title: `<b>Title</b> =1+1`, quote: QUOTE, themes: ['payload'], severity: 4, note: NOTE },
    {
      url: REPORTS.devon2025.url,
      title: `<img src=x onerror="window.__pwned='report'">`,
      quote: 'Overall effectiveness',
      themes: ['payload'],
      severity: 2,
      note: NOTE,
    },
  ]);
});
afterEach(async () => {
  await session?.close();
});

/** Nothing ran, no element was made from a stored string, and the strings show as they are. */
async function expectShownAsText(page: Page, scope = page.locator('body')) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await scope.locator('img, script:not([src]), a[href^="javascript"]').count()).toBe(0);
  const text = await scope.evaluate((el) => el.textContent ?? '');
  return text;
}

describe('stored text', () => {
  it('shows as plain text in the page’s dialog', async () => {
    const page = await openPage(session, PAGE.url);
    const at = await page.evaluate(() => {
      const text = document.querySelector('#payload')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 20);
      range.setEnd(text, 21);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await expect(dialog.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe(NOTE);
    await expect(dialog.getByRole('checkbox', { name: THEME }).isChecked()).resolves.toBe(true);
    const shown = await expectShownAsText(page, dialog);
    expect(shown).toContain(QUOTE.slice(0, 40));
  });

  it('shows as plain text in the popup', async () => {
    const page = await openPage(session, PAGE.url);
    const popup = await openPopup(session, page);
    await popup.getByText(QUOTE.slice(0, 40)).first().waitFor();
    const shown = await expectShownAsText(popup);
    expect(shown).toContain(THEME);
    expect(shown).toContain(QUOTE.slice(0, 40));
  });

  it('shows as plain text in the dashboard', async () => {
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.getByText(NOTE).first().waitFor();
    const shown = await expectShownAsText(dashboard);
    for (const text of [THEME, '<b>Title</b> =1+1', QUOTE.slice(0, 40)]) expect(shown).toContain(text);
  });

  it('shows as plain text in the PDF viewer’s list', async () => {
    const viewer = await openReport(session, REPORTS.devon2025.url);
    const list = viewer.getByRole('complementary', { name: 'Annotations in this document' });
    const shown = await expectShownAsText(viewer, list);
    expect(shown).toContain('Overall effectiveness');
  });
});
