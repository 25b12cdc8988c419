// Profiles one store step in the built extension's origin with Chromium's CPU profiler and
// prints the functions with the most self time (issue 14). Not part of `npm run bench`.
//   PROFILE_STEP=importContents|importFile|export|dashboard|popup node tests/bench/profile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch } from './browser.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const EXTENSION_DIR = resolve(process.env.BENCH_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3'));
const FIXTURES = resolve(ROOT, '../shared/fixtures/pages');
const STEP = process.env.PROFILE_STEP ?? 'importContents';
const DOCUMENTS = Number(process.env.PROFILE_DOCUMENTS ?? 500);
const PER_DOCUMENT = Number(process.env.PROFILE_PER_DOCUMENT ?? 20);
const PAGES = [
  ['https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001', 'news-devon-ofsted-2022.html'],
  ['https://www.childrens-services-provider.example/news/stabilised-workforce-at-devon', 'provider-news-devon-stabilised-workforce.html'],
  ['https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025', 'report-devon-2025.html'],
  ['https://reports.ofsted.gov.uk/provider/44/80461', 'ofsted-provider-devon.html'],
].map(([url, file]) => {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return { url, html, title: /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? url };
});

const output = await build({ configFile: join(HERE, 'vite.config.ts'), build: { write: false, minify: false } });
const script = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).find((o) => o.type === 'chunk').code;
const session = await launch(EXTENSION_DIR);
try {
  const page = await session.context.newPage();
  await page.addInitScript({ content: `${script}\n;globalThis.OfstedBench = OfstedBench;` });
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  const render = STEP === 'dashboard' || STEP === 'popup';
  await page.evaluate(([p, d, n, s]) => globalThis.OfstedBench.prepareProfile(p, d, n, s), [PAGES, DOCUMENTS, PER_DOCUMENT, render ? 'seed' : STEP]);
  let target = page;
  if (render) {
    session.serve(PAGES[0].url, PAGES[0].html);
    const tab = await session.context.newPage();
    await tab.goto(PAGES[0].url);
    target = await session.context.newPage();
    if (STEP === 'popup') await tab.bringToFront();
    await target.goto('about:blank');
  } else {
    // a warm-up
    await page.evaluate((s) => globalThis.OfstedBench.runProfiled(s), STEP);
    if (STEP !== 'export') await page.evaluate(([p, d, n, s]) => globalThis.OfstedBench.prepareProfile(p, d, n, s), [PAGES, DOCUMENTS, PER_DOCUMENT, STEP]);
  }
  const cdp = await target.context().newCDPSession(target);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  let ms;
  if (render) {
    const started = Date.now();
    await target.goto(`chrome-extension://${session.extensionId}/${STEP}.html`);
    await target.waitForSelector(STEP === 'popup' ? '.page-summary h2' : '.dashboard-layout', { timeout: 60000 });
    await target.waitForTimeout(300);
    ms = Date.now() - started;
  } else {
    ms = await page.evaluate((s) => globalThis.OfstedBench.runProfiled(s), STEP);
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/profile-${STEP}.cpuprofile`, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log(`${STEP}: ${Math.round(ms)} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await session.close();
}
