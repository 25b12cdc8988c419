import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-server';
import { seedAnnotations, storedAnnotations } from './extension-data';
import { grantedExtensionDir } from './granted-build';
import { fillAndConnect } from './team-space-form';
import { launch, PAGES, type Session } from './harness';

// A browser closed while it is sending its changes to the team space, and opened again: every
// change reaches the space and a colleague once. The server is a CouchDB-compatible stand-in
// (couch-server.ts) set as CouchDB 3 is by default: its session cookie outlives the browser.

const SPACE = 'devon-restart';
const FAY = { user: 'fay', password: 'fay-secret-6', name: 'Fay Inspector' };
const GUS = { user: 'gus', password: 'gus-secret-7', name: 'Gus Reviewer' };
const COUNT = 300;

let server: CouchServer;
let extensionDir: string;
let profileDir: string;
const sessions: Session[] = [];

async function open(dir?: string): Promise<Session> {
  const session = await launch(dir, extensionDir);
  sessions.push(session);
  return session;
}

async function optionsPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

const statusOf = (options: Page) =>
  options.getByRole('region', { name: 'Team space' }).locator('.space-status').innerText();

async function connect(session: Session, who: typeof FAY): Promise<Page> {
  const options = await fillAndConnect(session, { server: server.url, database: SPACE, who });
  await expect.poll(() => statusOf(options), { timeout: 30_000 }).toMatch(/^Connected\./);
  return options;
}

beforeAll(async () => {
  server = await startCouchServer();
  // As CouchDB 3 does by default, the session cookie persists (it is renewed with a max age as
  // it is used). The stand-in takes `timeout` as that age in milliseconds where CouchDB counts
  // seconds, so it is set to an hour here, or the renewed cookie would expire at once.
  for (const [key, value] of [
    ['timeout', '3600000'],
    ['allow_persistent_cookies', 'true'],
  ]) {
    const set = await server.asAdmin(`/_config/couch_httpd_auth/${key}`, {
      method: 'PUT',
      body: JSON.stringify(value),
    });
    expect(set.ok).toBe(true);
  }
  for (const who of [FAY, GUS]) await server.createUser(who.user, who.password);
  await server.createSpace(SPACE, { members: [FAY.user, GUS.user] });
  extensionDir = grantedExtensionDir(['http://127.0.0.1/*']);
  profileDir = mkdtempSync(join(tmpdir(), 'ofsted-annotator-restart-'));
});
afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => undefined);
  await server?.stop();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('a team space across a browser restart', () => {
  it(
    'sends every change once when the browser is closed mid-sync and opened again',
    { timeout: 240_000 },
    async () => {
      const fay = await open(profileDir);
      const gus = await open();
      await connect(fay, FAY);
      await connect(gus, GUS);

      const seeds = Array.from({ length: COUNT }, (_, i) => ({
        url: `${PAGES.news.url}?part=${i % 10}`,
        title: 'Devon news',
        quote: `Written on the train, finding ${i + 1}`,
        note: `train note ${i + 1}`,
      }));
      // Half while the server answers (the background sends them as they come), half while
      // the network is down (they wait); closed at once, with changes still to send.
      await seedAnnotations(fay, seeds.slice(0, COUNT / 2));
      fay.reachLoopback(false);
      await seedAnnotations(fay, seeds.slice(COUNT / 2));
      const made = await storedAnnotations(fay);
      expect(made).toHaveLength(COUNT);
      await fay.context.close();
      const onServerBefore = (await server.allDocs(SPACE)).filter((doc) => doc._id.startsWith('annotation:'));
      expect(onServerBefore.length).toBeLessThan(COUNT);

      const reopened = await open(profileDir);
      const options = await optionsPage(reopened);
      await expect.poll(async () => (await storedAnnotations(gus)).length, { timeout: 180_000 }).toBe(COUNT);
      await expect.poll(() => statusOf(options), { timeout: 60_000 }).toMatch(/^Connected\./);

      const ids = new Set(made.map((a) => a.id));
      for (const session of [gus, reopened]) {
        const stored = await storedAnnotations(session);
        expect(new Set(stored.map((a) => a.id))).toEqual(ids);
        expect(stored.map((a) => a.note).sort()).toEqual(seeds.map((s) => s.note).sort());
      }
      const onServer = (await server.allDocs(SPACE)).filter((doc) => doc._id.startsWith('annotation:'));
      expect(onServer.map((doc) => doc._id).sort()).toEqual([...ids].map((id) => `annotation:${id}`).sort());
    },
  );
});
