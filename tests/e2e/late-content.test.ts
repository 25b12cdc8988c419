import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launch,
  openPage,
  paintedTexts,
  PAGES,
  selectWithMouse,
  waitForAnnotator,
  type Session,
  annotationDialogFrame,
} from './harness';

// Pages whose content arrives after load, and a single-page site that changes its address
// with history.pushState. Each is made from a fixture page (or written here) in a temporary
// folder and served at a default site's address.

/** Long enough for a batch of changes to settle and be anchored, on a busy machine. */
const SOON = { timeout: 5000 };

let folder: string;
let session: Session;
let page: Page;

/** Writes a page into the temporary folder and returns its path. */
function write(name: string, html: string): string {
  const file = join(folder, name);
  writeFileSync(file, html);
  return file;
}

async function annotate(from: string, to: string) {
  await selectWithMouse(page, from, to);
  const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ofsted-annotator-late-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeEach(async () => {
  session = await launch();
});
afterEach(async () => {
  await session?.close();
});

describe('content that arrives after the page has loaded', () => {
  const news = readFileSync(PAGES.news.file, 'utf8');
  const bodyStart = news.indexOf('<p>Many of Devon’s');
  const moreStart = news.indexOf('<p>Reacting to the report');
  const bodyEnd = news.indexOf('</article>');

  /** The news page with part of its article held back in a template until a script adds it. */
  function holdBack(from: number, to: number, script: string): string {
    const held = `<template id="held">${news.slice(from, to)}</template>`;
    const adds = `<script>const add = () => document.querySelector('article').append(document.getElementById('held').content.cloneNode(true)); ${script}</script>`;
    return (
      news.slice(0, from) +
      news.slice(to, bodyEnd) +
      held +
      news.slice(bodyEnd).replace('</body>', `${adds}</body>`)
    );
  }

  beforeEach(async () => {
    await session.serve(PAGES.news.url, PAGES.news.file);
    page = await openPage(session, PAGES.news.url);
  });

  it('paints annotations in an article body that a script inserts seconds after load', async () => {
    await annotate('Many of Devon’s vulnerable', 'Ofsted');
    await annotate('Professional curiosity is hampered', 'too long.');
    const painted = await paintedTexts(page);
    expect(painted).toHaveLength(2);

    await session.serve(
      PAGES.news.url,
      write('late-body.html', holdBack(bodyStart, bodyEnd, 'setTimeout(add, 2000);')),
    );
    await page.reload();
    expect(await page.locator('article').textContent()).not.toContain('Professional curiosity');
    await waitForAnnotator(page);
    await expect.poll(() => paintedTexts(page), { timeout: 10_000 }).toEqual(painted);
  });

  it('paints an annotation in a "load more" section when the reader adds it', async () => {
    await annotate('During this time, the introduction', 'about the future.');
    await annotate('“We are on a very clear journey', 'much more to be done.');
    const painted = await paintedTexts(page);
    expect(painted).toHaveLength(2);

    const button = `document.querySelector('article').insertAdjacentHTML('afterend', '<button id="more">Load more</button>'); document.getElementById('more').onclick = (e) => { e.target.remove(); add(); };`;
    await session.serve(PAGES.news.url, write('load-more.html', holdBack(moreStart, bodyEnd, button)));
    await page.reload();
    await waitForAnnotator(page);
    await expect.poll(() => paintedTexts(page), SOON).toEqual([painted.find((t) => t.startsWith('During'))]);

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => paintedTexts(page), SOON).toEqual(painted);
  });
});

describe('a single-page site that changes its address with history.pushState', () => {
  const FIRST = 'https://www.theguardian.com/society/spa-test';
  const SECOND = 'https://www.theguardian.com/society/spa-test/second';
  const STANDFIRST = 'Inspectors found that children in Devon wait too long for help and protection.';
  const STORIES: Record<string, string> = {
    '/society/spa-test':
      'Leaders have stabilised the workforce and caseloads are now manageable in most teams.',
    '/society/spa-test/second':
      'The council has recruited more foster carers, but too many children live far from home.',
  };
  // Both stories open with the same heading, standfirst and date line, so an annotation of the
  // first story's standfirst would anchor on the second's too: it must not be painted there.
  const app = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Society</title></head>
<body><header><a href="/society/spa-test" data-spa>First story</a> · <a href="/society/spa-test/second" data-spa>Second story</a></header>
<main id="app"></main>
<script>
const stories = ${JSON.stringify(STORIES)};
function render() {
  document.getElementById('app').innerHTML =
    '<article><h1>Children’s services in Devon</h1><p>${STANDFIRST}</p><p>Published on 2 March 2026 by the society desk.</p><p>' + stories[location.pathname] + '</p></article>';
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.href);
  render();
});
addEventListener('popstate', render);
render();
</script></body></html>`;

  it('shows each address its own annotations, going forward and back, and saves at the address shown', async () => {
    const file = write('spa.html', app);
    await session.serve(FIRST, file);
    await session.serve(SECOND, file);
    const second = STORIES['/society/spa-test/second']!;
    const first = STORIES['/society/spa-test']!;

    page = await openPage(session, SECOND);
    await annotate('The council has recruited', 'far from home.');
    await page.goto(FIRST);
    await waitForAnnotator(page);
    await annotate('Inspectors found', 'help and protection.');
    await annotate('Leaders have stabilised', 'most teams.');
    await expect.poll(() => paintedTexts(page), SOON).toEqual([first, STANDFIRST].sort());

    await page.getByRole('link', { name: 'Second story' }).click();
    expect(page.url()).toBe(SECOND);
    await expect.poll(() => paintedTexts(page), SOON).toEqual([second]);

    // Saved after pushState: stored under the address shown.
    await annotate('Inspectors found', 'help and protection.');
    await expect.poll(() => paintedTexts(page), SOON).toEqual([second, STANDFIRST].sort());

    await page.evaluate(() => history.back());
    await expect.poll(() => page.url()).toBe(FIRST);
    await expect.poll(() => paintedTexts(page), SOON).toEqual([first, STANDFIRST].sort());

    await page.evaluate(() => history.forward());
    await expect.poll(() => paintedTexts(page), SOON).toEqual([second, STANDFIRST].sort());

    await page.reload();
    await waitForAnnotator(page);
    await expect.poll(() => paintedTexts(page), SOON).toEqual([second, STANDFIRST].sort());
  });
});
