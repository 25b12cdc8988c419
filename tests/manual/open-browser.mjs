// `npm start`: opens Debian's Chromium with the built extension and a fresh profile, with the
// fixture pages of ../shared/fixtures served at their real addresses, so a person can try it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const extension = join(root, '.output/chrome-mv3');
const pages = join(root, '../shared/fixtures/pages');
const served = {
  'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001':
    'news-devon-ofsted-2022.html',
  'https://www.childrens-services-provider.example/news/stabilised-workforce-at-devon':
    'provider-news-devon-stabilised-workforce.html',
  'https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025': 'report-devon-2025.html',
  'https://reports.ofsted.gov.uk/provider/44/80461': 'ofsted-provider-devon.html',
};

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`Built the extension in ${extension}.
No display here to open a browser on. In Chromium or Chrome, open chrome://extensions,
switch on "Developer mode", choose "Load unpacked" and pick that folder.`);
  process.exit(0);
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ofsted-annotator-')), {
  executablePath: '/usr/bin/chromium',
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run'],
});
await context.route('**/*', (route) => {
  const file = served[route.request().url().split('#')[0]];
  return file ? route.fulfill({ path: join(pages, file), contentType: 'text/html' }) : route.continue();
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(Object.keys(served)[0]);
console.log(
  'Chromium is open with Ofsted Annotator. Select text on the page to annotate it; close the window to stop.',
);
await new Promise((done) => context.on('close', done));
