import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launch,
  openPage,
  openPopup,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
  waitForAnnotator,
  annotationDialogFrame,
  serveFixturePages,
} from './harness';

let sessions: Session[] = [];

async function start(): Promise<Session> {
  const session = await launch();
  await serveFixturePages(session);
  sessions.push(session);
  return session;
}
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

async function annotate(page: Page, from: string, to: string, theme: string) {
  await selectWithMouse(page, from, to);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: theme, exact: true }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

function openOptions(session: Session): Promise<Page> {
  return session.context.newPage().then(async (page) => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    return page;
  });
}

describe('themes that users own', () => {
  it('offers a theme the user adds in the dialog, and keeps a renamed theme on its annotations', async () => {
    const session = await start();
    const options = await openOptions(session);
    const add = options.getByRole('form', { name: 'Add theme' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Private fostering');
    await add.getByRole('button', { name: 'Add theme' }).click();
    await options.getByRole('group', { name: 'Private fostering' }).waitFor();

    const page = await openPage(session, PAGES.news.url);
    await annotate(page, 'Published this week', 'risk of harm', 'Private fostering');

    const name = options.getByRole('textbox', { name: 'Name of Private fostering' });
    await name.fill('Private fostering arrangements');
    await name.press('Enter');
    await options.getByRole('group', { name: 'Private fostering arrangements' }).waitFor();

    await page.reload();
    await expect.poll(async () => (await paintedTexts(page)).length).toBe(1);
    const popup = await openPopup(session, page);
    await popup
      .getByRole('table', { name: 'By theme' })
      .getByRole('row', { name: 'Private fostering arrangements 1' })
      .waitFor();
  });

  it('takes a retired theme out of the dialog but leaves it on its annotations', async () => {
    const session = await start();
    const page = await openPage(session, PAGES.news.url);
    await annotate(page, 'Published this week', 'risk of harm', 'Neglect');
    const options = await openOptions(session);
    await options.getByRole('group', { name: 'Neglect' }).getByRole('button', { name: 'Retire' }).click();
    await options.getByRole('group', { name: 'Neglect' }).getByRole('button', { name: 'Restore' }).waitFor();

    await page.reload();
    await waitForAnnotator(page);
    await selectWithMouse(page, 'It follows the last visit', 'completely fixed');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await dialog.waitFor();
    await expect(dialog.getByRole('checkbox', { name: 'Neglect', exact: true }).count()).resolves.toBe(0);
    const popup = await openPopup(session, page);
    await popup.getByRole('table', { name: 'By theme' }).getByRole('row', { name: 'Neglect 1' }).waitFor();
  });
});

describe('moving annotations to another browser', () => {
  it('imports an export into a fresh profile and paints the same annotations', async () => {
    const first = await start();
    const page = await openPage(first, PAGES.news.url);
    await annotate(page, 'Published this week', 'risk of harm', 'Front door and thresholds');
    await annotate(page, 'Daily meetings now take place', 'domestic abuse', 'Domestic abuse');
    const painted = await paintedTexts(page);
    const popup = await openPopup(first, page);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const file = join(tmpdir(), 'ofsted-annotator-export.json');
    writeFileSync(file, readFileSync((await download.path())!));

    const second = await start();
    const options = await openOptions(second);
    await options.getByLabel('Import a file').setInputFiles(file);
    await expect
      .poll(() => options.getByRole('status').allTextContents())
      .toContain('2 added, 0 updated, 0 unchanged');
    const again = await openPage(second, PAGES.news.url);
    await expect.poll(() => paintedTexts(again)).toEqual(painted);

    // The same file a second time changes nothing.
    await options.getByLabel('Import a file').setInputFiles(file);
    await expect
      .poll(() => options.getByRole('status').allTextContents())
      .toContain('0 added, 0 updated, 2 unchanged');
  });

  it('refuses a damaged file with a message and leaves the annotations as they were', async () => {
    const session = await start();
    const page = await openPage(session, PAGES.news.url);
    await annotate(page, 'Published this week', 'risk of harm', 'Neglect');
    const file = join(tmpdir(), 'ofsted-annotator-bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'ofsted-annotator',
        version: 2,
        exportedAt: '2026-03-15T10:00:00.000Z',
        themes: [],
        annotations: [{ id: 1 }],
      }),
    );
    const options = await openOptions(session);
    await options.getByLabel('Import a file').setInputFiles(file);
    await expect
      .poll(async () => (await options.getByRole('alert').allTextContents()).filter(Boolean))
      .toEqual([expect.stringMatching(/^annotations\[0\]/)]);
    await page.reload();
    await expect.poll(async () => (await paintedTexts(page)).length).toBe(1);
  });
});
