import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import {
  annotatorUi,
  launch,
  openPage,
  paintedTexts,
  PAGES,
  REPORTS,
  selectWithMouse,
  type Session,
  openReport,
  annotationDialogFrame,
  dialogFrame,
} from './harness';
import { storedAnnotations } from './extension-data';

const QUOTE = 'Published this week, the latest report';

let session: Session;
beforeEach(async () => {
  session = await launch();
  await session.serve(PAGES.news.url, PAGES.news.file);
  await session.serve(REPORTS.devon2025.url, REPORTS.devon2025.file, 'application/pdf');
});
afterEach(async () => {
  await session?.close();
});

/**
 * What has the focus inside the annotator's (closed) shadow root, or inside the dialog's frame
 * when the focus is there, and whether it shows.
 */
async function focused(page: Page) {
  const describe = () => {
    const root = (globalThis as unknown as { __ofstedAnnotatorUiForTests?: ShadowRoot })
      .__ofstedAnnotatorUiForTests;
    const el = (root ? root.activeElement : document.activeElement) as HTMLElement | null;
    if (!el || el === document.body) return null;
    if (el.localName === 'iframe') return 'in the frame' as const;
    const style = getComputedStyle(el);
    const label =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return {
      label: label.replace(/\s+/g, ' ').trim(),
      visible:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  };
  const inShadowRoot = await page.evaluate(describe);
  if (inShadowRoot !== 'in the frame') return inShadowRoot;
  const inFrame = await (await dialogFrame(page)).evaluate(describe);
  return inFrame === 'in the frame' ? null : inFrame;
}

/** Presses Tab until the focus is on a control whose label matches, checking focus shows each time. */
async function tabTo(page: Page, label: RegExp) {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now, 'the focus stays in the dialog').not.toBeNull();
    expect(now!.visible, `focus shows on "${now!.label}"`).toBe(true);
    seen.push(now!.label);
    if (label.test(now!.label)) return;
  }
  throw new Error(`Tab never reached ${label}; it went through: ${seen.join(' | ')}`);
}

/** What the shortcut and the context menu do: the background asks the page to open the dialog. */
async function pressShortcut() {
  return session.worker.evaluate(async () => {
    const replies = await Promise.all(
      (await chrome.tabs.query({})).map((tab) =>
        chrome.tabs
          .sendMessage(tab.id!, { type: 'dialog/open', payload: {} }, { frameId: 0 })
          .catch(() => null),
      ),
    );
    return replies.find(Boolean);
  });
}

/** Caret browsing: puts the caret inside the first paragraph, as a keyboard user moves it. */
async function caretInQuote(page: Page) {
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith('Published'))!;
    getSelection()!.collapse(p.firstChild!, 12);
  });
}

describe('the dialog from the keyboard', () => {
  it('annotates, edits and deletes with keys alone, the focus always showing', async () => {
    const page = await openPage(session, PAGES.news.url);
    // A keyboard selection (what Shift+Ctrl+Right does with caret browsing), ending on Shift's release.
    await page.keyboard.down('Shift');
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith('Published'))!;
      getSelection()!.collapse(p.firstChild!, 0);
      for (let i = 0; i < 7; i++) getSelection()!.modify('extend', 'forward', 'word');
    });
    await page.keyboard.up('Shift');
    const create = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await create.waitFor();
    expect((await focused(page))?.label).toMatch(/filter|theme/i);

    await page.keyboard.type('front door');
    await tabTo(page, /^Front door and thresholds$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Needs improvement$/);
    await page.keyboard.press('ArrowUp'); // to "Serious concern"
    await tabTo(page, /^Note$/);
    await page.keyboard.type('Typed with the keyboard');
    await tabTo(page, /^Save$/);
    await page.keyboard.press('Enter');
    await create.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
    expect(await storedAnnotations(session)).toMatchObject([
      { quote: QUOTE, themes: ['front-door'], severity: 4, note: 'Typed with the keyboard' },
    ]);

    // Edit: the caret in the highlight, then the shortcut.
    await caretInQuote(page);
    await expect(pressShortcut()).resolves.toEqual({ ok: true, value: { opened: true } });
    const edit = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await edit.waitFor();
    await tabTo(page, /^Serious concern$/);
    await page.keyboard.press('ArrowDown'); // to "Needs improvement"
    await page.keyboard.press('Control+Enter');
    await edit.waitFor({ state: 'detached' });
    expect(await storedAnnotations(session)).toMatchObject([{ quote: QUOTE, severity: 3 }]);

    // Delete, then Undo from the toast, which has the focus.
    await caretInQuote(page);
    await pressShortcut();
    await edit.waitFor();
    await tabTo(page, /^Delete$/);
    await page.keyboard.press('Enter');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([]);
    await expect.poll(async () => (await focused(page))?.label).toBe('Undo');
    expect((await focused(page))!.visible).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
    expect(await storedAnnotations(session)).toMatchObject([{ quote: QUOTE, severity: 3 }]);
  });
});

describe('the dialog for screen readers', () => {
  /** Lets axe into the closed shadow root the test was handed, as if it were open. */
  async function openForAxe(page: Page) {
    await page.evaluate(() => {
      const root = (globalThis as unknown as { __ofstedAnnotatorUiForTests: ShadowRoot })
        .__ofstedAnnotatorUiForTests;
      Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true });
    });
  }
  const inUi = (selector: string) => ({ include: { fromShadowDom: ['ofsted-annotator-ui', selector] } });

  it('has no serious or critical axe violation in a page: annotate, edit, and the toast', async () => {
    const page = await openPage(session, PAGES.news.url);
    await openForAxe(page);
    await selectWithMouse(page, 'Published this week', 'latest report');
    const create = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    await create.waitFor();
    await expectNoSeriousViolations(await dialogFrame(page), 'the "Annotate selection" dialog');
    await expectNoSeriousViolations(page, "the dialog's frame", inUi('iframe'));
    await create.getByRole('button', { name: 'Save' }).click();
    await create.waitFor({ state: 'detached' });

    await caretInQuote(page);
    await pressShortcut();
    const edit = annotationDialogFrame(page).getByRole('dialog', { name: 'Edit annotation' });
    await edit.waitFor();
    await expectNoSeriousViolations(await dialogFrame(page), 'the "Edit annotation" dialog');
    await edit.getByRole('button', { name: 'Delete' }).click();
    await annotatorUi(page).getByRole('button', { name: 'Undo' }).waitFor();
    await expectNoSeriousViolations(page, 'the toast', inUi('.toast'));
  });

  it('has no serious or critical axe violation in the PDF viewer', async () => {
    const page = await openReport(session, REPORTS.devon2025.url);
    await selectWithMouse(page, 'An internal review in early 2024', 'An internal review in early 2024');
    await page.getByRole('dialog', { name: 'Annotate selection' }).waitFor();
    await expectNoSeriousViolations(page, 'the viewer with its dialog open');
  });
});
