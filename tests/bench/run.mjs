// npm run bench: the benchmark of issue 5. Builds the in-browser half (page/, bundled by
// vite.config.ts), runs every case in Debian's Chromium with the built extension
// (.output/chrome-mv3, or BENCH_EXTENSION_DIR), prints a table and writes bench-results.json.
// Figures, not pass/fail: it exits 0 whenever it ran, even where a target is missed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, runnerImport } from 'vite';
import { launch } from './browser.mjs';
import { printCorpusByKind, printTable, rowsFor } from './report.mjs';
import { teamSpaceCases } from './team-space-cases.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const EXTENSION_DIR = resolve(process.env.BENCH_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3'));
const CORPUS = resolve(process.env.BENCH_CORPUS ?? join(ROOT, 'tests/corpus/corpus.ts'));
const FIXTURES = resolve(ROOT, '../shared/fixtures/pages');
const BENCH_URL = 'https://bench.ofsted-annotator.test/';

const LONG_PAGE_CHARS = 1_000_000;
const EXACT_ANNOTATIONS = 1000;
const DOCUMENTS = 500;
const PER_DOCUMENT = 20;

/** The fixture pages at the addresses they stand for (as tests/e2e/harness.ts serves them). */
const PAGES = [
  [
    'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001',
    'news-devon-ofsted-2022.html',
  ],
  [
    'https://www.childrens-services-provider.example/news/stabilised-workforce-at-devon',
    'provider-news-devon-stabilised-workforce.html',
  ],
  ['https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025', 'report-devon-2025.html'],
  ['https://reports.ofsted.gov.uk/provider/44/80461', 'ofsted-provider-devon.html'],
].map(([url, file]) => {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return { url, html, title: /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? url };
});

const ALL_PEERS = [
  ['hypothesis', 'Hypothesis rules: position, then quote search (baseline)'],
  ['hypothesisQuote', 'Hypothesis rules: quote search only (baseline)'],
  ['apache', `@apache-annotator/dom ${versionOf('@apache-annotator/dom')} (exact)`],
  ['datq', `dom-anchor-text-quote ${versionOf('dom-anchor-text-quote')} (diff-match-patch)`],
];
/** BENCH_PEERS=hypothesis,apache runs only those peers (for quicker runs while developing). */
const SYSTEM_PEERS = process.env.BENCH_PEERS
  ? ALL_PEERS.filter(([key]) => process.env.BENCH_PEERS.split(',').includes(key))
  : ALL_PEERS;

/** Sets window.__benchFirstRender when the page's first meaningful content is in the DOM. */
const WATCH_FIRST_RENDER = `(() => {
  const selector = location.pathname.endsWith('/popup.html') ? '.page-summary h2'
    : location.pathname.endsWith('/dashboard.html') ? '.dashboard-layout' : null;
  if (!selector) return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    window.__benchFirstRender = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function versionOf(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

const log = (...parts) => console.error('[bench]', ...parts);

async function bundle() {
  const output = await build({ configFile: join(HERE, 'vite.config.ts'), build: { write: false } });
  return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).find((o) => o.type === 'chunk')
    .code;
}

/**
 * The edit corpus, loaded in Node by Vite's module runner (it may read its pages from disk).
 * Test modules may use __dirname and __filename, as Vitest allows: each module gets its own.
 */
async function loadCorpus() {
  if (!existsSync(CORPUS)) return null;
  const nodeGlobals = {
    name: 'bench-node-globals',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\b__(dirname|filename)\b/.test(code)) return null;
      const file = id.split('?')[0];
      return `const __filename = ${JSON.stringify(file)}, __dirname = ${JSON.stringify(dirname(file))};\n${code}`;
    },
  };
  const { module } = await runnerImport(CORPUS, {
    configFile: false,
    logLevel: 'error',
    plugins: [nodeGlobals],
  });
  return module.loadCorpus();
}

/** Runs `step`; a failure becomes a note on the case instead of ending the benchmark. */
async function attempt(results, key, step) {
  try {
    results[key] = await step();
  } catch (error) {
    log(`${key} failed:`, error);
    results[key] = { failed: String(error?.message ?? error).split('\n')[0] };
  }
}

async function anchoringCases(session, script, corpus, results) {
  const page = await session.context.newPage();
  session.serve(
    BENCH_URL,
    '<!doctype html><meta charset="utf-8"><title>Bench</title><body><script src="/bench.js"></script>',
  );
  session.serve(`${BENCH_URL}bench.js`, script, 'text/javascript');
  await page.goto(BENCH_URL);
  const call = (name, ...args) => page.evaluate(([n, a]) => globalThis.OfstedBench[n](...a), [name, args]);

  log('building the long page');
  results.longPage = await call(
    'setUpLongPage',
    PAGES.map((p) => p.html),
    LONG_PAGE_CHARS,
    EXACT_ANNOTATIONS,
  );
  log(results.longPage);
  results.exact = {};
  for (const system of ['ours', ...SYSTEM_PEERS.map(([key]) => key)]) {
    await attempt(results.exact, system, async () => {
      log(`exact: ${system} describes`);
      const describeMs = await call('describeLongPage', system);
      log(`exact: ${system} anchors (described in ${Math.round(describeMs)} ms)`);
      return call('anchorLongPage', system);
    });
  }
  await attempt(results.exact, 'index', () => call('indexLongPage'));

  results.corpus = {};
  if (!corpus) {
    results.corpus.missing = `no edit corpus at ${CORPUS}`;
  } else {
    await attempt(results.corpus, 'setUp', () => call('setUpCorpus', corpus));
    log('corpus:', results.corpus.setUp);
    for (const system of ['ours', ...SYSTEM_PEERS.map(([key]) => key)]) {
      if (results.corpus.setUp?.failed) break;
      log(`corpus: ${system}`);
      await attempt(results.corpus, system, () => call('anchorCorpus', system));
      for (const sample of results.corpus[system]?.wrongSamples ?? []) log(`  wrong: ${sample}`);
    }
  }

  log('painting');
  await attempt(results, 'paintOurs', () => call('paintOurs', 'boxes'));
  await attempt(results, 'paintHighlightApi', () => call('paintOurs', 'highlight-api'));
  await attempt(results, 'paintMarks', () => call('paintWithMarks'));
  results.userAgent = await page.evaluate(() => navigator.userAgent);
  await page.close();
}

async function storeCases(session, script, results) {
  // manifest.json: a page of the extension's origin (its database) that runs no code of its own.
  const page = await session.context.newPage();
  // playwright-core runs init scripts inside a function: publish the bundle's global.
  await page.addInitScript({ content: `${script}\n;globalThis.OfstedBench = OfstedBench;` });
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  log('export and import');
  await attempt(results, 'store', () =>
    page.evaluate(
      ([pages, documents, perDocument]) => globalThis.OfstedBench.runStore(pages, documents, perDocument),
      [PAGES, DOCUMENTS, PER_DOCUMENT],
    ),
  );
  await page.close();
}

/** ms from navigation until the first meaningful render, in a fresh page: a warm-up, then 5. */
async function firstRender(session, path, before = async () => {}) {
  const times = [];
  let shown = '';
  for (let run = 0; run <= 5; run++) {
    const page = await session.context.newPage();
    await page.addInitScript(WATCH_FIRST_RENDER);
    await before(page);
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    await page.waitForFunction(() => window.__benchFirstRender !== undefined, null, {
      polling: 20,
      timeout: 60_000,
    });
    const time = await page.evaluate(() => window.__benchFirstRender);
    shown = await page.evaluate(() => ({
      text: document.querySelector('.page-summary h2')?.textContent ?? null,
    }));
    if (run > 0) times.push(time);
    await page.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[2], runs: times, shown };
}

async function renderCases(session, results) {
  const news = PAGES[0];
  session.serve(news.url, news.html);
  const tab = await session.context.newPage();
  await tab.goto(news.url);
  await tab.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
  log('popup first render');
  // The popup opened for the news page (as tests/e2e/harness.ts openPopup): a page in the same
  // window while the news page is the active tab.
  await attempt(results, 'popup', () => firstRender(session, 'popup.html', () => tab.bringToFront()));
  log('dashboard first render');
  await attempt(results, 'dashboard', () =>
    firstRender(session, 'dashboard.html', (page) => page.bringToFront()),
  );
  await tab.close();
}

function contentScriptSize() {
  const file = join(EXTENSION_DIR, 'content-scripts/content.js');
  const code = readFileSync(file);
  const css = join(EXTENSION_DIR, 'content-scripts/content.css');
  return {
    raw: code.length,
    gzip: gzipSync(code).length,
    cssGzip: existsSync(css) ? gzipSync(readFileSync(css)).length : 0,
  };
}

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}: run "wxt build" first (npm run bench does).`);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const script = await bundle();
  const corpus = await loadCorpus().catch((error) => {
    log('could not load the edit corpus:', error);
    return null;
  });
  const results = { peers: SYSTEM_PEERS, size: contentScriptSize() };
  // BENCH_CASES=team runs only the team space cases (issue 11); BENCH_CASES=store only
  // export, import and the popup's and dashboard's first render (issue 14).
  const onlyTeam = process.env.BENCH_CASES === 'team';
  const onlyStore = process.env.BENCH_CASES === 'store';
  // BENCH_CASES=anchoring: only re-anchoring and painting (issue 14).
  const onlyAnchoring = process.env.BENCH_CASES === 'anchoring';
  const partial = onlyTeam || onlyStore || onlyAnchoring;
  if (!onlyTeam) {
    const session = await launch(EXTENSION_DIR);
    try {
      if (!onlyStore) await anchoringCases(session, script, corpus, results);
      if (!onlyAnchoring) {
        await storeCases(session, script, results);
        await renderCases(session, results);
      }
    } finally {
      await session.close();
    }
  }
  if (!onlyStore && !onlyAnchoring)
    await attempt(results, 'team', () =>
      teamSpaceCases({
        launch,
        fill: (session) => storeCases(session, script, {}),
        newsHtml: PAGES[0].html,
        log,
      }),
    );

  const rows = onlyTeam
    ? rowsFor({ ...results, size: undefined }).filter((r) => r.case.startsWith('team space'))
    : onlyStore
      ? rowsFor({ ...results, size: undefined }).filter((r) => r.ours_ms != null)
      : onlyAnchoring
        ? rowsFor({ ...results, size: undefined }).filter((r) => r.ours_ms != null)
        : rowsFor(results);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}`;
  console.log(`\nOfsted Annotator benchmark — ${new Date().toISOString()}`);
  console.log(`Machine: ${machine}; Node ${process.version}; ${results.userAgent ?? 'Chromium'}`);
  console.log(
    `Load average (1 min): ${loadBefore.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`,
  );
  console.log(
    `Long page: ${results.longPage?.chars?.toLocaleString('en')} characters of text (${results.longPage?.textContentChars?.toLocaleString('en')} of textContent), ${results.longPage?.copies} copies of the fixture pages`,
  );
  printTable(rows);
  printCorpusByKind(results);
  // A partial run (BENCH_CASES=team or store) prints its figures and leaves the full run's file alone.
  if (!partial) writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const wrote = partial
    ? 'Left bench-results.json as it was'
    : `Wrote bench-results.json (${rows.length} rows)`;
  console.log(`\n${wrote}; ran in ${Math.round((Date.now() - started) / 1000)} s.`);
}

await main();
