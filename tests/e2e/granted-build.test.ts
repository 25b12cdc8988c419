import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from './couch-server';
import { grantedExtensionDir } from './granted-build';
import { launch } from './harness';

const LOOPBACK = ['http://127.0.0.1/*'];

let couch: CouchServer;
let grantedDir: string;

beforeAll(async () => {
  couch = await startCouchServer();
  grantedDir = grantedExtensionDir(LOOPBACK);
});

afterAll(async () => {
  await couch?.stop();
  if (grantedDir) rmSync(grantedDir, { recursive: true, force: true });
});

describe('a build granted access to the team server', () => {
  it('is needed: the built extension has no access to 127.0.0.1 until a user allows it', async () => {
    const session = await launch();
    try {
      expect(
        await session.worker.evaluate((origins) => chrome.permissions.contains({ origins }), LOOPBACK),
      ).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('holds the permission from its start, and reaches the server from its service worker', async () => {
    const session = await launch(undefined, grantedDir);
    try {
      expect(
        await session.worker.evaluate((origins) => chrome.permissions.contains({ origins }), LOOPBACK),
      ).toBe(true);
      // A request for it is granted at once, with no prompt, as after a click on Allow.
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      expect(await page.evaluate((origins) => chrome.permissions.request({ origins }), LOOPBACK)).toBe(true);
      // Requests to the loopback server go through (other addresses stay closed).
      const answer = await session.worker.evaluate(async (url) => {
        const response = await fetch(url + '/');
        return { status: response.status, body: await response.json() };
      }, couch.url);
      expect(answer.status).toBe(200);
      expect(answer.body).toHaveProperty('version');
    } finally {
      await session.close();
    }
  });
});
