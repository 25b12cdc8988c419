// Team spaces (issue 11): the first sync of 10,000 annotations into an empty second profile,
// the time from a save in one profile to its highlight in the other's open page, and what a
// connected, idle extension costs. Two profiles of the built extension (a copy holding the
// loopback host permission, as the e2e tests use), a CouchDB-compatible server on loopback.

import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPACE = 'bench-space';
const NEWS = 'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001';
const LATENCY_RUNS = 20;
const IDLE_MS = 60_000;
/** The 10,000-annotation case stops here and reports how far it got. */
const FIRST_SYNC_CAP_MS = 300_000;

async function tsModule(path) {
  return (await runnerImport(join(ROOT, path))).module;
}

/** Fills in the options page's Team space form as a user would and presses Connect. */
async function connect(session, server, who) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const section = page.getByRole('region', { name: 'Team space' });
  await section.getByLabel('Server address').fill(server.url);
  await section.getByLabel('Database').fill(SPACE);
  await section.getByLabel('User name').fill(who.user);
  await section.getByLabel('Password').fill(who.password);
  await section.getByLabel('Your name').fill(who.name);
  const started = performance.now();
  await section.getByRole('button', { name: 'Connect' }).click();
  return { page, started };
}

/** Polls `check` in `page` (it may return a promise) until it is true, or fails after `timeoutMs`. */
async function until(page, check, arg, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(check, arg))) {
    if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

function countOf(page) {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const open = indexedDB.open('ofsted-annotator');
        open.onsuccess = () => {
          const request = open.result.transaction('annotations').objectStore('annotations').count();
          request.onsuccess = () => {
            open.result.close();
            done(request.result);
          };
        };
      }),
  );
}

function waitConnected(page, timeoutMs) {
  const connected = async () =>
    (await chrome.storage.local.get('teamSpaceStatus')).teamSpaceStatus?.state === 'connected';
  return until(page, connected, null, timeoutMs);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];

/**
 * Runs the three cases; `launch(dir, options)` starts a profile (browser.mjs), `fill(session)`
 * stores 10,000 annotations over 500 documents in it, and `newsHtml` is the news fixture page.
 */
export async function teamSpaceCases({ launch, fill, newsHtml, log }) {
  const { startCouchServer } = await tsModule('tests/e2e/couch-server.ts');
  const { grantedExtensionDir } = await tsModule('tests/e2e/granted-build.ts');
  const server = await startCouchServer();
  const dir = grantedExtensionDir(['http://127.0.0.1/*']);
  const ann = { user: 'ann', password: 'ann-bench-1', name: 'Ann' };
  const ben = { user: 'ben', password: 'ben-bench-2', name: 'Ben' };
  const cy = { user: 'cy', password: 'cy-bench-3' };
  for (const who of [ann, ben, cy])
    await server.createUser(who.user, who.password);
  await server.createSpace(SPACE, { members: [ann.user, ben.user, 'cy'] });
  const a = await launch(dir, { loopback: true });
  const b = await launch(dir, { loopback: true });
  const c = await launch(dir, { loopback: true });
  const out = {};
  try {
    log('team space: filling a third profile, not yet connected');
    await fill(c);
    log('team space: connecting two empty profiles');
    const first = await connect(a, server, ann);
    await waitConnected(first.page, 120_000);
    const second = await connect(b, server, ben);
    await waitConnected(second.page, 120_000);

    log('team space: save to highlight');
    for (const session of [a, b]) session.serve(NEWS, newsHtml);
    const bPage = await b.context.newPage();
    await bPage.goto(NEWS);
    await bPage.bringToFront();
    const bTab = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    const badge = () =>
      b.worker.evaluate(async (tabId) => Number((await chrome.action.getBadgeText({ tabId })) || 0), bTab);
    const aPage = await a.context.newPage();
    await aPage.goto(`chrome-extension://${a.extensionId}/manifest.json`);
    const quote = 'Published this week, the latest report found there was a surge in referrals';
    const latencies = [];
    for (let run = 0; run < LATENCY_RUNS; run++) {
      const before = await badge();
      const sent = performance.now();
      await aPage.evaluate(
        ([url, exact]) =>
          chrome.runtime.sendMessage({
            type: 'annotation/create',
            payload: {
              url,
              title: 'Devon news',
              draft: {
                quote: exact,
                selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
                themes: [],
                severity: 2,
                note: '',
              },
            },
          }),
        [NEWS, quote],
      );
      while ((await badge()) <= before) await new Promise((wait) => setTimeout(wait, 10));
      latencies.push(performance.now() - sent);
    }
    out.latency = { median: median(latencies), p90: p90(latencies), runs: latencies };

    log('team space: a minute connected and idle');
    const requestsBefore = a.loopbackRequests.count + b.loopbackRequests.count;
    await new Promise((wait) => setTimeout(wait, IDLE_MS));
    out.idle = {
      requestsPerMinute: (a.loopbackRequests.count + b.loopbackRequests.count - requestsBefore) / 2,
    };

    log('team space: a profile holding 10,000 annotations connects; another receives them');
    const before = await countOf(aPage);
    const third = await connect(c, server, { ...cy, name: 'Cy' });
    let received = 0;
    for (;;) {
      received = (await countOf(aPage)) - before;
      const ms = performance.now() - third.started;
      if (received >= 10_000 || ms > FIRST_SYNC_CAP_MS) {
        out.firstSync = { finished: received >= 10_000, ms, received };
        break;
      }
      log(`team space: ${received.toLocaleString('en-GB')} of 10,000 arrived after ${Math.round(ms / 1000)} s`);
      await new Promise((wait) => setTimeout(wait, 5000));
    }
  } finally {
    await a.close();
    await b.close();
    await c.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
