import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../lib/taxonomy/themes';
import { startCouchServer, type CouchServer } from './couch-server';
import { seedAnnotations, storedAnnotations } from './extension-data';
import { grantedExtensionDir } from './granted-build';
import { fillAndConnect } from './team-space-form';
import { launch, PAGES, type Session } from './harness';

// A user's two browsers (office and laptop) on one team space: offline edits of the same
// annotation in both; and a colleague whose browser brings a thousand annotations with it. The server is a CouchDB-compatible
// stand-in (couch-server.ts) with no design document (see team-space.test.ts).

const SPACE = 'devon-improvement';
const ANN = { user: 'ann', password: 'ann-secret-1', name: 'Ann Scrutiny' };
const DEE = { user: 'dee', password: 'dee-secret-4', name: 'Dee Researcher' };
const NEWS = PAGES.news.url;

let server: CouchServer;
let extensionDir: string;
const sessions: Session[] = [];

async function open(): Promise<Session> {
  const session = await launch(undefined, extensionDir);
  sessions.push(session);
  return session;
}

const connect = (session: Session, who: typeof ANN): Promise<Page> =>
  fillAndConnect(session, { server: server.url, database: SPACE, who, beforeConnect: recordStatuses });

/** Keeps every status line the options page shows from now on, in order. */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    const note = () => {
      const text = document.querySelector('.space-status')?.textContent ?? '';
      if (text && text !== seen.at(-1)) seen.push(text);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    note();
  });
}

const statusesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);

/** The numbers a list of status lines gave for "N changes received" or "N changes to send". */
function counts(statuses: string[], what: 'received' | 'to send'): number[] {
  const pattern = new RegExp(`([\\d,]+) changes? ${what}`);
  return statuses.flatMap((text) => {
    const match = pattern.exec(text);
    return match ? [Number(match[1]!.replace(/,/g, ''))] : [];
  });
}

const statusOf = (options: Page) =>
  options.getByRole('region', { name: 'Team space' }).locator('.space-status').innerText();

/** Changes a note through the background, as the page's dialog does. */
async function editNote(session: Session, id: string, note: string) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const reply = await page.evaluate(
    ([url, annotationId, text]) =>
      chrome.runtime.sendMessage({
        type: 'annotation/update',
        payload: { url, id: annotationId, changes: { themes: [], severity: 3, note: text } },
      }),
    [NEWS, id, note] as const,
  );
  expect(reply).toMatchObject({ ok: true });
  await page.close();
}

beforeAll(async () => {
  server = await startCouchServer();
  for (const who of [ANN, DEE]) await server.createUser(who.user, who.password);
  await server.createSpace(SPACE, { members: [ANN.user, DEE.user] });
  extensionDir = grantedExtensionDir(['http://127.0.0.1/*']);
});
afterAll(async () => {
  for (const session of sessions) await session.close();
  await server?.stop();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

describe('a team space used offline and from several browsers', () => {
  it(
    'resolves edits made offline in two browsers of one user the same way in both, keeping the other note',
    { timeout: 120_000 },
    async () => {
      const office = await open();
      const laptop = await open();
      await seedAnnotations(office, [
        { url: NEWS, title: 'Devon news', quote: 'Published this week', note: 'first' },
      ]);
      const officeOptions = await connect(office, ANN);
      const laptopOptions = await connect(laptop, ANN);
      await expect.poll(() => storedAnnotations(laptop), { timeout: 30_000 }).toHaveLength(1);
      const [annotation] = await storedAnnotations(office);

      office.reachLoopback(false);
      laptop.reachLoopback(false);
      await editNote(office, annotation!.id, 'Office: ask about the MASH');
      await new Promise((later) => setTimeout(later, 50)); // the laptop's edit is the later one
      await editNote(laptop, annotation!.id, 'Laptop: ask about caseloads');
      await expect
        .poll(() => statusOf(officeOptions), { timeout: 60_000 })
        .toMatch(/^Offline.*1 change waiting/);
      await expect
        .poll(() => statusOf(laptopOptions), { timeout: 60_000 })
        .toMatch(/^Offline.*1 change waiting/);

      office.reachLoopback(true);
      laptop.reachLoopback(true);
      const settled = async (session: Session) =>
        (await storedAnnotations(session))[0] as unknown as Record<string, unknown>;
      await expect
        .poll(async () => [(await settled(office)).alsoEdited, (await settled(laptop)).alsoEdited], {
          timeout: 90_000,
        })
        .toEqual([
          [
            expect.objectContaining({
              note: 'Office: ask about the MASH',
              by: { user: 'ann', name: ANN.name },
            }),
          ],
          [
            expect.objectContaining({
              note: 'Office: ask about the MASH',
              by: { user: 'ann', name: ANN.name },
            }),
          ],
        ]);
      expect(await settled(office)).toEqual(await settled(laptop));
      expect(await settled(office)).toMatchObject({ note: 'Laptop: ask about caseloads' });
      const onServer = await (
        await server.asAdmin(`/${SPACE}/annotation:${annotation!.id}?conflicts=true`, {
          headers: { Accept: 'application/json' },
        })
      ).json();
      expect(onServer).toMatchObject({ note: 'Laptop: ask about caseloads' });
      expect(onServer._conflicts ?? []).toEqual([]);
    },
  );

  it(
    'sends 1,000 annotations a browser already had on its first connect, and another browser gets them all',
    { timeout: 300_000 },
    async () => {
      const receiver = sessions[0]!; // the office, connected above
      const before = (await storedAnnotations(receiver)).length;
      const receiverOptions = await receiver.context.newPage();
      await receiverOptions.goto(`chrome-extension://${receiver.extensionId}/options.html`);
      await recordStatuses(receiverOptions);
      const dee = await open();
      const seeds = Array.from({ length: 1000 }, (_, i) => ({
        url: `${NEWS}?part=${i % 50}`,
        title: `Devon news, part ${i % 50}`,
        quote: `Finding number ${i}`,
        note: `note ${i}`,
      }));
      await seedAnnotations(dee, seeds);
      const deeOptions = await connect(dee, DEE);
      await expect.poll(() => statusOf(deeOptions), { timeout: 240_000 }).toMatch(/^Connected\./);
      await expect
        .poll(async () => (await storedAnnotations(receiver)).length, { timeout: 240_000 })
        .toBe(before + 1000);
      const received = await storedAnnotations(receiver);
      expect(new Set(received.map((a) => a.id)).size).toBe(received.length); // nothing twice
      const notes = new Set(received.map((a) => a.note));
      for (const seed of seeds) expect(notes.has(seed.note)).toBe(true);

      // The status lines on the way: progress counted once per change, never "Offline".
      await expect.poll(() => statusOf(receiverOptions), { timeout: 60_000 }).toMatch(/^Connected\./);
      const sent = await statusesSeen(deeOptions);
      const got = await statusesSeen(receiverOptions);
      expect(sent.concat(got).filter((text) => /^Offline/.test(text))).toEqual([]);
      expect(counts(sent, 'to send').length).toBeGreaterThan(0);
      // Everything goes on first connect: the annotations and the browser's theme list.
      expect(Math.max(...counts(sent, 'to send'))).toBe(1000 + DEFAULT_THEMES.length);
      const receivedCounts = counts(got, 'received');
      expect(receivedCounts.length).toBeGreaterThan(0);
      expect(Math.max(...receivedCounts)).toBeLessThanOrEqual(1000);
      expect(sent.at(-1)).toMatch(/^Connected\./);
    },
  );
});
