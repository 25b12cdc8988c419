import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-server';
import { storedAnnotations } from './extension-data';
import { grantedExtensionDir } from './granted-build';
import { fillAndConnect } from './team-space-form';
import {
  annotationDialogFrame,
  annotatorUi,
  launch,
  openPage,
  paintedTexts,
  PAGES,
  selectWithMouse,
  type Session,
} from './harness';

// Two browser profiles on one team space, served by a CouchDB-compatible server on loopback
// (tests/e2e/couch-server.ts). Each user connects through the options page as a user would;
// the build they run already holds the server's host permission (granted-build.ts), because
// the browser's permission prompt cannot be answered from a test.

const SPACE = 'devon-scrutiny';
const ANN = { user: 'ann', password: 'ann-secret-1', name: 'Ann Scrutiny' };
const BEN = { user: 'ben', password: 'ben-secret-2', name: 'Ben Lead Member' };
const CAROL = { user: 'carol', password: 'carol-secret-3', name: 'Carol Outsider' };
const QUOTE_START = 'Published this week';
const QUOTE_END = 'risk of harm';

let server: CouchServer;
let extensionDir: string;
let ann: Session;
let ben: Session;

async function optionsPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

const connect = (session: Session, who: typeof ANN): Promise<Page> =>
  fillAndConnect(session, { server: server.url, database: SPACE, who });

const teamSpaceSection = (options: Page) => options.getByRole('region', { name: 'Team space' });
const statusOf = (options: Page) => teamSpaceSection(options).locator('.space-status');

async function annotate(page: Page, note: string) {
  await selectWithMouse(page, QUOTE_START, QUOTE_END);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: 'Front door and thresholds' }).check();
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  server = await startCouchServer();
  for (const who of [ANN, BEN, CAROL]) await server.createUser(who.user, who.password);
  // No member is an admin of this space, so Connect installs no design document: pouchdb-server
  // (unlike CouchDB) drops replicated updates to a database that has one. The rules are tested
  // on their own (team-space-rules.test.ts).
  await server.createSpace(SPACE, { members: [ANN.user, BEN.user] });
  extensionDir = grantedExtensionDir(['http://127.0.0.1/*']);
  ann = await launch(undefined, extensionDir);
  ben = await launch(undefined, extensionDir);
  for (const session of [ann, ben]) await session.serve(PAGES.news.url, PAGES.news.file);
});
afterAll(async () => {
  await ann?.close();
  await ben?.close();
  await server?.stop();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

describe('a team space', () => {
  it('refuses a wrong password and a user who is not a member, saying why', async () => {
    const wrong = await connect(ann, { ...ANN, password: 'not-it' });
    await expect
      .poll(() => teamSpaceSection(wrong).getByRole('alert').innerText())
      .toBe('The user name or password is wrong.');
    await wrong.close();

    const outsider = await connect(ben, CAROL);
    await expect
      .poll(() => teamSpaceSection(outsider).getByRole('alert').innerText())
      .toBe(`carol is not a member of "${SPACE}". Ask your space's admin to add you.`);
    await outsider.close();
  });

  it('connects two browsers, and an annotation made in one is painted in the other without a reload', async () => {
    const annOptions = await connect(ann, ANN);
    await expect.poll(() => statusOf(annOptions).innerText(), { timeout: 20_000 }).toMatch(/^Connected\./);
    const benOptions = await connect(ben, BEN);
    await expect.poll(() => statusOf(benOptions).innerText(), { timeout: 20_000 }).toMatch(/^Connected\./);
    await teamSpaceSection(annOptions).getByText('What happened while syncing (1)').click();
    await teamSpaceSection(annOptions)
      .getByText(/^This space has no rules installed/)
      .waitFor();

    const benPage = await openPage(ben, PAGES.news.url);
    const annPage = await openPage(ann, PAGES.news.url);
    await annotate(annPage, 'Referral surge: ask about the front door');

    await expect.poll(() => paintedTexts(benPage), { timeout: 20_000 }).toHaveLength(1);
    const atBen = (await storedAnnotations(ben))[0]!;
    expect(atBen).toMatchObject({
      note: 'Referral surge: ask about the front door',
      themes: ['front-door'],
      author: { user: 'ann', name: ANN.name },
    });
    const inSpace = await server.getDoc(SPACE, `annotation:${atBen.id}`);
    expect(inSpace).toMatchObject({ type: 'annotation', author: { user: 'ann' }, editor: { user: 'ann' } });
  });

  it('sends an edit and a delete to the other browser, and an undone delete comes back', async () => {
    const annPage = newsPage(ann);
    const benPage = newsPage(ben);
    await annPage.bringToFront();
    await clickPassage(annPage);
    const edit = annotationDialogFrame(annPage).getByRole('dialog', { name: 'Edit annotation' });
    await edit.getByRole('textbox', { name: 'Note' }).fill('Edited: surge explained by the pandemic');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await storedAnnotations(ann))[0]?.note)
      .toBe('Edited: surge explained by the pandemic');
    await expect
      .poll(async () => (await storedAnnotations(ben))[0]?.note, { timeout: 20_000 })
      .toBe('Edited: surge explained by the pandemic');

    await clickPassage(annPage);
    await edit.getByRole('button', { name: 'Delete' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(benPage), { timeout: 20_000 }).toEqual([]);
    expect(await storedAnnotations(ben)).toEqual([]);

    await annotatorUi(annPage).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => paintedTexts(benPage), { timeout: 20_000 }).toHaveLength(1);
  });

  it(
    'keeps a change made offline, says it is waiting, and sends it when the server is back',
    { timeout: 180_000 },
    async () => {
      const annPage = newsPage(ann);
      const annOptions = await optionsPage(ann);
      ann.reachLoopback(false);
      await annPage.bringToFront();
      await clickPassage(annPage);
      const edit = annotationDialogFrame(annPage).getByRole('dialog', { name: 'Edit annotation' });
      await edit.getByRole('textbox', { name: 'Note' }).fill('Written on the train');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await expect
        .poll(() => statusOf(annOptions).innerText(), { timeout: 60_000 })
        .toMatch(/^Offline: the server cannot be reached\. 1 change waiting to be sent\./);

      ann.reachLoopback(true);
      await expect
        .poll(async () => (await storedAnnotations(ben))[0]?.note, { timeout: 90_000 })
        .toBe('Written on the train');
      await expect.poll(() => statusOf(annOptions).innerText(), { timeout: 30_000 }).toMatch(/^Connected\./);
    },
  );

  it('says so, and what to do, when the user is taken out of the space', { timeout: 120_000 }, async () => {
    const annOptions = await optionsPage(ann);
    await server.asAdmin(`/${SPACE}/_security`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [BEN.user], roles: [] } }),
    });
    // Her next change is refused by the server.
    const annPage = newsPage(ann);
    await annPage.bringToFront();
    await clickPassage(annPage);
    const edit = annotationDialogFrame(annPage).getByRole('dialog', { name: 'Edit annotation' });
    await edit.getByRole('textbox', { name: 'Note' }).fill('Written after being taken out');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(() => statusOf(annOptions).innerText(), { timeout: 90_000 })
      .toMatch(/^(The space no longer accepts your sign-in|You are no longer a member of this space)/);
    expect((await storedAnnotations(ann))[0]).toMatchObject({ note: 'Written after being taken out' });
  });

  it('disconnects and keeps every annotation on this computer', async () => {
    const benOptions = await optionsPage(ben);
    await benOptions.getByRole('button', { name: 'Disconnect' }).click();
    await teamSpaceSection(benOptions)
      .getByText('Disconnected. Every annotation is still here, on this computer.')
      .waitFor();
    expect(await storedAnnotations(ben)).toHaveLength(1);
    await expect(benOptions.getByRole('button', { name: 'Connect' }).count()).resolves.toBe(1);
  });
});

function newsPage(session: Session): Page {
  return session.context.pages().find((p) => p.url() === PAGES.news.url)!;
}

/** Clicks the middle of the annotated passage, as a user clicks a highlight. */
async function clickPassage(page: Page) {
  const at = await page.evaluate((start) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(start))!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 10);
    range.setEnd(p.firstChild!, 11);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, QUOTE_START);
  await page.mouse.click(at.x, at.y);
}
