// Starts Debian's Chromium with the built extension (tests/chromium.mjs, as the e2e tests do), and serves
// pages from memory at the addresses they stand for (nothing leaves the machine).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumWithExtension } from '../chromium.mjs';

/** `loopback`: let requests to this machine's own servers through (a team space's server), and count them. */
export async function launch(extensionDir, { loopback = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'ofsted-bench-'));
  const context = await chromium.launchPersistentContext(profile, chromiumWithExtension(extensionDir));
  const served = new Map();
  const loopbackRequests = { count: 0 };
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => {
      const url = route.request().url();
      const page = served.get(url.split('#')[0]);
      if (page) return route.fulfill(page);
      if (loopback && new URL(url).hostname === '127.0.0.1') {
        loopbackRequests.count++;
        return route.continue();
      }
      return route.abort();
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Ready once the background has set the rule that opens reports in the viewer.
  await worker.evaluate(async () => {
    while ((await chrome.declarativeNetRequest.getDynamicRules()).length === 0) {
      await new Promise((wait) => setTimeout(wait, 20));
    }
  });
  return {
    context,
    worker,
    extensionId,
    loopbackRequests,
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      served.set(url, { body, contentType });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
