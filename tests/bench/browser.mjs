// Starts Debian's Chromium with the built extension (tests/chromium.mjs, as the e2e tests do), and serves
// pages from memory at the addresses they stand for (nothing leaves the machine).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumWithExtension } from '../chromium.mjs';

export async function launch(extensionDir) {
  const profile = mkdtempSync(join(tmpdir(), 'ofsted-bench-'));
  const context = await chromium.launchPersistentContext(profile, chromiumWithExtension(extensionDir));
  const served = new Map();
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => {
      const page = served.get(route.request().url().split('#')[0]);
      return page ? route.fulfill(page) : route.abort();
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
    extensionId,
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      served.set(url, { body, contentType });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
