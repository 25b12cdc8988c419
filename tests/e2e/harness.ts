import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  selectors,
  type BrowserContext,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import { chromiumWithExtension } from '../chromium.mjs';

/** This folder (ESM: the tests and the benchmark both load these modules). */
const HERE = dirname(fileURLToPath(import.meta.url));

// EXTENSION_DIR lets a second build be tested while another is being built.
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? resolve(HERE, '../../.output/chrome-mv3'));
export const SHARED_FIXTURES = resolve(HERE, '../../../shared/fixtures');
export const OWN_FIXTURES = resolve(HERE, '../fixtures');

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

/** The four real Ofsted reports of ../shared/fixtures/pdfs, at their addresses. */
export const REPORTS = {
  devon2025: {
    url: 'https://files.ofsted.gov.uk/v1/file/50276862',
    file: join(SHARED_FIXTURES, 'pdfs/devon-2025-ilacs-inspection.pdf'),
  },
  devon2020: {
    url: 'https://files.ofsted.gov.uk/v1/file/50149435',
    file: join(SHARED_FIXTURES, 'pdfs/devon-2020-ilacs-inspection.pdf'),
  },
  torbay2026: {
    url: 'https://files.ofsted.gov.uk/v1/file/50295967',
    file: join(SHARED_FIXTURES, 'pdfs/torbay-2026-ilacs-inspection.pdf'),
  },
  northNorthamptonshire2026: {
    url: 'https://files.ofsted.gov.uk/v1/file/50306548',
    file: join(SHARED_FIXTURES, 'pdfs/north-northamptonshire-2026-ilacs-inspection.pdf'),
  },
} as const;

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Serves a file at an address from now on (replacing what was served there). */
  serve(url: string, file: string, contentType?: string, headers?: Record<string, string>): Promise<void>;
  /** Cuts (false) or restores (true) the way to this machine's own test servers, as a network that drops. */
  reachLoopback(reachable: boolean): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Starts Debian's Chromium with the built extension (or another build, `extensionDir`) in a
 * new profile (or `profileDir`, to reopen one). No request leaves the machine: only addresses
 * given to `serve` answer, and this machine's own servers (loopback: a test's CouchDB).
 */
export async function launch(
  profileDir?: string,
  extensionDir: string = EXTENSION_DIR,
): Promise<Session & { profileDir: string }> {
  await registerAnnotatorUiEngine();
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'ofsted-annotator-'));
  const context = await chromium.launchPersistentContext(dir, chromiumWithExtension(extensionDir));
  const routes = new Map<string, { file: string; contentType: string; headers?: Record<string, string> }>();
  let loopbackReachable = true;
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => {
      const url = route.request().url();
      const served = routes.get(url.split('#')[0]!);
      if (served)
        return route.fulfill({ path: served.file, contentType: served.contentType, headers: served.headers });
      return loopbackReachable && LOOPBACK_HOSTS.has(new URL(url).hostname)
        ? route.continue()
        : route.abort();
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The extension is ready once its background has set the rule that opens reports in the viewer.
  await worker.evaluate(async () => {
    while ((await chrome.declarativeNetRequest.getDynamicRules()).length === 0) {
      await new Promise((wait) => setTimeout(wait, 20));
    }
  });
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    serve: async (url, file, contentType = 'text/html; charset=utf-8', headers) => {
      routes.set(url, { file, contentType, headers });
    },
    reachLoopback: (reachable) => {
      loopbackReachable = reachable;
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

/**
 * The annotator's shadow host is in the page once the content script has started. Its shadow
 * root is then handed to the test (see `annotatorUi`).
 */
export async function waitForAnnotator(page: Page): Promise<void> {
  await page.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
  await exposeClosedShadowRoot(page, 'ofsted-annotator-ui');
}

/** Where a test keeps the annotator's closed shadow root, in the page's main world. */
const EXPOSED_ROOT = '__ofstedAnnotatorUiForTests';
let engineRegistered: Promise<void> | undefined;

/**
 * What the annotator shows in a page (dialog, toast), for the test to read and act on as a
 * user does. The shadow root is closed, so the page cannot reach it; the test reaches it
 * through the DevTools protocol, as DevTools does (`waitForAnnotator` hands it over). A page
 * that tries the same without DevTools gets null (tests/e2e/hostile-page.test.ts).
 */
export function annotatorUi(page: Page): Locator {
  return page.locator('ofsted-annotator-ui=root');
}

/** Playwright finds the annotator's UI in the root a test was handed; pages opened later see it. */
function registerAnnotatorUiEngine(): Promise<void> {
  engineRegistered ??= selectors.register('ofsted-annotator-ui', () => {
    const children = () => {
      const root = (globalThis as Record<string, unknown>)['__ofstedAnnotatorUiForTests'] as
        ShadowRoot | undefined;
      return root?.isConnected ? [...root.children].filter((child) => child.localName !== 'style') : [];
    };
    return { query: () => children()[0] ?? null, queryAll: children };
  });
  return engineRegistered;
}

async function exposeClosedShadowRoot(page: Page, hostSelector: string): Promise<void> {
  await withClosedRoot(
    page,
    hostSelector,
    function (this: ShadowRoot, name: string) {
      (globalThis as Record<string, unknown>)[name] = this;
    },
    EXPOSED_ROOT,
  );
}

/**
 * Selects text with the mouse, as a user does: presses at the first character of `from` and
 * releases after the last character of `to`, the first occurrence of `to` from `from` on
 * (each must lie within one text node).
 */
export async function selectWithMouse(page: Page, from: string, to: string = from): Promise<void> {
  const found = await page.evaluate(
    ([fromText, toText]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seek = (text: string, startAt: number) => {
        for (
          let node = walker.currentNode as Text | null;
          node;
          node = walker.nextNode() as Text | null, startAt = 0
        ) {
          const at = node.nodeType === Node.TEXT_NODE ? node.data.indexOf(text, startAt) : -1;
          if (at >= 0) return { node, at };
        }
        throw new Error(`Text not on the page: ${text}`);
      };
      const start = seek(fromText, 0);
      const end = seek(toText, start.at);
      start.node.parentElement!.scrollIntoView({ block: 'center' });
      const point = (node: Text, offset: number, right: boolean) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rect = range.getBoundingClientRect();
        return { x: right ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
      };
      return {
        start: point(start.node, start.at, false),
        end: point(end.node, end.at + toText.length - 1, true),
      };
    },
    [from, to] as const,
  );
  await page.mouse.move(found.start.x, found.start.y);
  await page.mouse.down();
  await page.mouse.move(found.end.x, found.end.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * The annotation dialog on a web page: it is drawn in a frame of the extension's own origin,
 * inside the annotator's closed shadow root (see `annotatorUi`). The frame is shown once the
 * dialog is drawn in it; a user can reach it only then, and so do the tests.
 */
export function annotationDialogFrame(page: Page): FrameLocator {
  return annotatorUi(page).locator('iframe').filter({ visible: true }).contentFrame();
}

/** The annotation dialog's frame, as Playwright's Frame (to evaluate in it), once it is loaded. */
export async function dialogFrame(page: Page): Promise<Frame> {
  await annotationDialogFrame(page).locator('body').waitFor({ state: 'attached' });
  const frame = page.frames().find((f) => f.url().includes('/annotation-dialog.html'));
  if (!frame) throw new Error('no annotation dialog frame in the page');
  return frame;
}

/**
 * The text of the page that shows under the annotator's highlights, one string per highlight
 * (none for a highlight scrolled out of its scrolling element), sorted,
 * with each run of white space shown as one space (as the annotator quotes text). The
 * highlights are boxes in the closed shadow root: this reads their places (through the
 * DevTools protocol, leaving nothing in the page) and the page's characters under them, so it
 * checks what the user sees. `layer` 'passing' reads the selection being annotated and a
 * passage flashed by "show on page".
 */
export async function paintedTexts(
  page: Page,
  layer: 'annotations' | 'passing' = 'annotations',
): Promise<string[]> {
  await page.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
  return withClosedRoot(page, 'ofsted-annotator-ui', textsUnderBoxes, layer);
}

/** The colour of each painted highlight (a severity's colour), as CSS gives it: 'rgb(r, g, b)'. */
export async function paintedColours(page: Page): Promise<string[]> {
  await page.waitForSelector('ofsted-annotator-ui', { state: 'attached' });
  return withClosedRoot(
    page,
    'ofsted-annotator-ui',
    function (this: ShadowRoot) {
      const marks = [...this.querySelectorAll('[data-layer="annotations"] > div > div > div')];
      return marks.map((mark) => getComputedStyle(mark.firstElementChild!).backgroundColor).sort();
    },
    null,
  );
}

/**
 * In the page: the text under each mark's boxes (see paintedTexts). Plain loops only: a
 * hostile test page spoils Array.prototype's methods in its world, where this runs.
 */
function textsUnderBoxes(this: ShadowRoot, layer: string): string[] {
  const layerEl = this.querySelector(`[data-layer="${layer}"]`);
  if (!layerEl) return [];
  const host = this.host;
  // Each box as far as it shows: a group clipped to a scrolling element shows only inside it.
  const boxesOf: DOMRect[][] = [];
  for (const group of layerEl.children) {
    const clip = getComputedStyle(group).overflow === 'hidden' ? group.getBoundingClientRect() : null;
    for (const mark of group.firstElementChild!.children) {
      const boxes: DOMRect[] = [];
      for (const box of mark.children) {
        const r = box.getBoundingClientRect();
        if (!clip) boxes.push(r);
        else {
          const left = Math.max(r.left, clip.left);
          const top = Math.max(r.top, clip.top);
          const right = Math.min(r.right, clip.right);
          const bottom = Math.min(r.bottom, clip.bottom);
          if (right > left && bottom > top) boxes.push(new DOMRect(left, top, right - left, bottom - top));
        }
      }
      boxesOf.push(boxes);
    }
  }
  const meets = (r: DOMRect, boxes: DOMRect[]) => {
    for (const b of boxes)
      if (r.left <= b.right && r.right >= b.left && r.top <= b.bottom && r.bottom >= b.top) return true;
    return false;
  };
  const holds = (x: number, y: number, boxes: DOMRect[]) => {
    for (const b of boxes) if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return true;
    return false;
  };
  const texts: string[] = [];
  const spaces: boolean[] = [];
  for (let m = 0; m < boxesOf.length; m++) {
    texts.push('');
    spaces.push(false);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (host.contains(node)) continue;
    range.selectNodeContents(node);
    const nodeRects = range.getClientRects();
    const near: boolean[] = [];
    let anyNear = false;
    for (let m = 0; m < boxesOf.length; m++) {
      let meetsMark = false;
      for (const r of nodeRects) if (meets(r, boxesOf[m]!)) meetsMark = true;
      near.push(meetsMark);
      anyNear ||= meetsMark;
    }
    // The page's own scrolling boxes hide the text scrolled out of them.
    const clips: DOMRect[] = [];
    if (anyNear)
      for (let e = node.parentElement; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
          clips.push(e.getBoundingClientRect());
      }
    for (let i = 0; i < node.data.length; i++) {
      const char = node.data[i]!;
      let blank = /\s/.test(char);
      let x = 0;
      let y = 0;
      if (!blank && anyNear) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        x = rect.left + rect.width / 2;
        y = rect.top + rect.height / 2;
        for (const clip of clips)
          if (!(x >= clip.left && x <= clip.right && y >= clip.top && y <= clip.bottom)) blank = true;
      }
      for (let m = 0; m < boxesOf.length; m++) {
        if (blank) spaces[m] = texts[m] !== '';
        else if (anyNear && near[m] && holds(x, y, boxesOf[m]!)) {
          texts[m] += (spaces[m] ? ' ' : '') + char;
          spaces[m] = false;
        } else if (texts[m] !== '') spaces[m] = true;
      }
    }
  }
  const shown: string[] = [];
  for (const text of texts) if (text !== '') shown.push(text);
  return shown.sort();
}

/**
 * Runs a function in the page with a closed shadow root as `this`, reached through the
 * DevTools protocol as DevTools does; the page's own scripts cannot, and nothing is left in
 * the page's world.
 */
export async function withClosedRoot<A, R>(
  page: Page,
  hostSelector: string,
  fn: (this: ShadowRoot, arg: A) => R,
  arg: A,
): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
    });
    if (!result.objectId) throw new Error(`${hostSelector} is not in the page`);
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: result.objectId,
      depth: 1,
      pierce: true,
    });
    const shadowRoot = node.shadowRoots?.[0];
    if (!shadowRoot) throw new Error(`${hostSelector} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
    const called = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (called.exceptionDetails) throw new Error(called.exceptionDetails.exception?.description ?? 'failed');
    return called.result.value as R;
  } finally {
    await cdp.detach();
  }
}

/** Opens the popup for a tab: as a page in the same window, with that tab active. */
export async function openPopup(session: Session, forPage: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await forPage.bringToFront();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return popup;
}

/** Opens a report's address as a user would, and waits until the viewer has anchored its annotations. */
export async function openReport(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await waitForViewer(page);
  return page;
}

/** The viewer's side list counts the annotations once every page's text is read and anchored. */
export async function waitForViewer(page: Page): Promise<void> {
  await page.waitForURL(/viewer\.html/);
  await page
    .getByRole('complementary', { name: 'Annotations in this document' })
    .getByRole('heading', { name: /^\d+ annotations?$/ })
    .waitFor();
}

/** Serves every fixture page of PAGES at its address in `session`. */
export async function serveFixturePages(session: Session): Promise<void> {
  for (const page of Object.values(PAGES)) await session.serve(page.url, page.file);
}

/** Serves the four fixture reports of REPORTS at their addresses in `session`, as PDFs. */
export async function serveReports(session: Session): Promise<void> {
  for (const report of Object.values(REPORTS))
    await session.serve(report.url, report.file, 'application/pdf');
}

/**
 * Opens a report in the viewer as a user would, selects from `from` to `to` with the mouse and
 * saves it tagged Neglect, with a severity and a note; closes the page.
 */
export async function annotateReport(
  session: Session,
  url: string,
  from: string,
  to: string,
  { severity = 'Serious concern', note = '' }: { severity?: string; note?: string } = {},
): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { name: /^\d+ annotations?$/ }).waitFor();
  await selectWithMouse(page, from, to);
  // The viewer is the extension's own page: its dialog is in the page itself.
  const dialog = page.getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: 'Neglect', exact: true }).check();
  await dialog.getByRole('radio', { name: severity }).check();
  if (note) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.close();
}
