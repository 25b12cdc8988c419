// Starts Debian's Chromium with the built extension, as tests/e2e/harness.ts does, and serves
// pages from memory at the addresses they stand for (nothing leaves the machine).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launch(extensionDir) {
  const profile = mkdtempSync(join(tmpdir(), 'ofsted-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
