import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');
export const SHARED_FIXTURES = resolve(__dirname, '../../../shared/fixtures');
export const OWN_FIXTURES = resolve(__dirname, '../fixtures');

/** The fixture pages of ../shared/fixtures/README.md, at the addresses they stand for. */
export const PAGES = {
  news: {
    url: 'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001',
    file: join(SHARED_FIXTURES, 'pages/news-devon-ofsted-2022.html'),
  },
  providerNews: {
    url: 'https://www.childrens-services-provider.example/news/stabilised-workforce-at-devon',
    file: join(SHARED_FIXTURES, 'pages/provider-news-devon-stabilised-workforce.html'),
  },
  report: {
    url: 'https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025',
    file: join(SHARED_FIXTURES, 'pages/report-devon-2025.html'),
  },
  ofstedProvider: {
    url: 'https://reports.ofsted.gov.uk/provider/44/80461',
    file: join(SHARED_FIXTURES, 'pages/ofsted-provider-devon.html'),
  },
} as const;

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Serves a file at an address from now on (replacing what was served there). */
  serve(url: string, file: string, contentType?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension in a new profile (or `profileDir`, to
 * reopen one). No request leaves the machine: only addresses given to `serve` answer.
 */
export async function launch(profileDir?: string): Promise<Session & { profileDir: string }> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'ofsted-annotator-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const routes = new Map<string, { file: string; contentType: string }>();
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => {
      const served = routes.get(route.request().url().split('#')[0]!);
      return served ? route.fulfill({ path: served.file, contentType: served.contentType }) : route.abort();
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    serve: async (url, file, contentType = 'text/html; charset=utf-8') => {
      routes.set(url, { file, contentType });
    },
    close: async () => {
      await context.close();
      if (!profileDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a page and waits until the annotator has painted what it found there. */
export async function openPage(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await waitForAnnotator(page);
  return page;
}

/** The annotator's shadow host is in the page once the content script has started. */
export async function waitForAnnotator(page: Page): Promise<void> {
  await page.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
}

/**
 * Selects text with the mouse, as a user does: presses at the first character of `from`
 * and releases after the last character of `to` (both found in the page's text).
 */
export async function selectWithMouse(page: Page, from: string, to: string = from): Promise<void> {
  const points = await page.evaluate(
    ([fromText, toText]) => {
      const find = (text: string, end: boolean) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          const offset = end ? at + text.length - 1 : at;
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: end ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
        }
        throw new Error(`Text not on the page: ${text}`);
      };
      find(fromText, false); // scroll the start into view first
      const start = find(fromText, false);
      const end = find(toText, true);
      return { start, end };
    },
    [from, to] as const,
  );
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move(points.end.x, points.end.y, { steps: 5 });
  await page.mouse.up();
}

/** The text of the page painted with the annotator's highlights, one string per highlight. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('ofsted-annotator-severity-')) continue;
      for (const range of highlight as unknown as Iterable<Range>) texts.push(range.toString());
    }
    return texts.sort();
  });
}

/** Opens the popup for a tab: as a page in the same window, with that tab active. */
export async function openPopup(session: Session, forPage: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await forPage.bringToFront();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return popup;
}
