import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launch, OWN_FIXTURES, paintedTexts, selectWithMouse, withClosedRoot, type Session } from './harness';
import { seedAnnotations, storedAnnotations } from './extension-data';

// A news page whose own scripts listen to everything a page can (tests/fixtures/hostile/
// eavesdropping-page.html). The user annotates on it with the keyboard, edits, deletes and
// undoes, and the page moves to another article of its site that has annotations of its own:
// the page must learn no character of a note, no quote, no theme and no severity.

const SITE = 'https://www.devonlive.com/news';
const PAGE_A = {
  url: `${SITE}/eavesdropping-page`,
  file: join(OWN_FIXTURES, 'hostile/eavesdropping-page.html'),
};
const PAGE_B = `${SITE}/another-article`;

const QUOTE_A = 'management oversight of frontline practice was not consistently effective';
const NOTE_A = 'Lead member briefing: oversight gap 4c1e';
const QUOTE_B = 'Leaders have strengthened the front door since the focused visit';
const NOTE_B = 'Ask the director about the MASH review 9d2b';
const ARTICLE_B = `<h1>Another article</h1><p id="other">In the monitoring visit, ${QUOTE_B}, and decisions are now timely.</p>`;
const NEW_QUOTE = 'Caseloads had fallen since the last inspection';
const TYPED_NOTE = 'Typed secretly: caseload figures 83q';
const TYPED_MORE = ' plus follow-up zx7';
const THEME_LABELS = [
  'Management oversight and supervision',
  'Front door and thresholds',
  'Workforce stability',
];
const SEVERITY_LABELS = ['Serious concern', 'Needs improvement', 'Improving, not yet embedded', 'Strength'];
const SECRETS = [
  NOTE_A,
  NOTE_B,
  TYPED_NOTE,
  TYPED_MORE.trim(),
  QUOTE_A,
  QUOTE_B,
  NEW_QUOTE,
  ...THEME_LABELS,
  ...SEVERITY_LABELS,
];

interface Report {
  heard: string[];
  mostHighlights: number;
  seenInHighlights: string;
  mutations: string;
  messages: string;
  dom: string;
  frames: string[];
  frameCount: number;
  activeElement: string | null;
}

let session: Session;
let page: Page;

/**
 * The dialog, found through the browser's list of frames: the test hands the page nothing
 * (the other tests' way in, `annotatorUi`, puts the closed root on the page's window).
 */
async function dialogNamed(name: string): Promise<Locator> {
  await vi.waitFor(() =>
    expect(page.frames().some((f) => f.url().includes('/annotation-dialog.html'))).toBe(true),
  );
  const frame = page.frames().find((f) => f.url().includes('/annotation-dialog.html'))!;
  return frame.getByRole('dialog', { name });
}

/** Clicks the toast's Undo with the mouse, finding where it is through the DevTools protocol. */
async function clickUndo() {
  const at = await vi.waitFor(() =>
    withClosedRoot(
      page,
      'ofsted-annotator-ui',
      function (this: ShadowRoot) {
        const undo = [...this.querySelectorAll('button')].find((b) => b.textContent === 'Undo');
        if (!undo) throw new Error('no Undo yet');
        const rect = undo.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      null,
    ),
  );
  await page.mouse.click(at.x, at.y);
}

const report = () =>
  page.evaluate(() => (window as unknown as { eavesdropper: { report(): Report } }).eavesdropper.report());

/**
 * What the page heard, less the release of a modifier key: Ctrl+Enter saves and closes the
 * dialog on the key going down, so the user lets go of Ctrl on the page again (README: what
 * a page can still see). Any key of the note, or Enter itself, still counts.
 */
const heardBeyondModifierRelease = async () =>
  (await report()).heard.filter((event) => !/^keyup:(Control|Meta|Shift|Alt):::$/.test(event));

/** Clicks the middle of a phrase on the page, as a user clicks a highlight. */
async function clickOn(text: string) {
  const at = await page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const start = node.data.indexOf(phrase);
      if (start < 0) continue;
      const range = document.createRange();
      range.setStart(node, start + 5);
      range.setEnd(node, start + 6);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`not on the page: ${phrase}`);
  }, text);
  await page.mouse.click(at.x, at.y);
}

beforeAll(async () => {
  session = await launch();
  await session.serve(PAGE_A.url, PAGE_A.file);
  await seedAnnotations(session, [
    { url: PAGE_A.url, title: 'A', quote: QUOTE_A, themes: ['oversight'], severity: 4, note: NOTE_A },
    { url: PAGE_B, title: 'B', quote: QUOTE_B, themes: ['front-door'], severity: 1, note: NOTE_B },
  ]);
  page = await session.context.newPage();
  await page.goto(PAGE_A.url);
  await vi.waitFor(async () => expect(await paintedTexts(page)).toEqual([QUOTE_A]), { timeout: 10_000 });
});
afterAll(async () => {
  await session?.close();
});

describe('a page that eavesdrops', () => {
  it('hears no key of a note typed key by key, and the annotation is saved', async () => {
    await selectWithMouse(page, 'Caseloads had fallen', 'since the last inspection');
    const dialog = await dialogNamed('Annotate selection');
    await dialog.getByRole('searchbox', { name: 'Filter themes' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.localName))
      .toBe('ofsted-annotator-ui');

    await page.keyboard.type('workforce', { delay: 15 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('checkbox', { name: /Workforce stability/ }).isChecked()).resolves.toBe(
      true,
    );
    await dialog.getByRole('textbox', { name: 'Note' }).focus();
    await page.keyboard.type(TYPED_NOTE, { delay: 15 });
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => paintedTexts(page)).toEqual([NEW_QUOTE, QUOTE_A].sort());
    const saved = (await storedAnnotations(session)).find((a) => a.quote === NEW_QUOTE);
    expect(saved).toMatchObject({ note: TYPED_NOTE, themes: ['workforce'] });
    expect(await heardBeyondModifierRelease()).toEqual([]);
  });

  it('hears nothing when a highlight is opened, edited, deleted and the delete undone', async () => {
    await clickOn(QUOTE_A);
    const edit = await dialogNamed('Edit annotation');
    const note = edit.getByRole('textbox', { name: 'Note' });
    await expect(note.inputValue()).resolves.toBe(NOTE_A);
    // As a user would, once the dialog has put the focus in its first field.
    const filter = edit.getByRole('searchbox', { name: 'Filter themes' });
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(TYPED_MORE, { delay: 15 });
    await page.keyboard.press('Control+Enter');
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await storedAnnotations(session)).find((a) => a.quote === QUOTE_A)?.note)
      .toBe(NOTE_A + TYPED_MORE);

    await clickOn(QUOTE_A);
    await edit.getByRole('button', { name: 'Delete' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => paintedTexts(page)).toEqual([NEW_QUOTE]);
    await clickUndo();
    await expect.poll(() => paintedTexts(page)).toEqual([NEW_QUOTE, QUOTE_A].sort());
    expect(await heardBeyondModifierRelease()).toEqual([]);
  });

  it('moves to another article of its site, which the annotator paints, and still reads nothing', async () => {
    await page.evaluate(
      ([path, html]) =>
        (window as unknown as { eavesdropper: { moveTo(p: string, h: string): void } }).eavesdropper.moveTo(
          path,
          html,
        ),
      [new URL(PAGE_B).pathname, ARTICLE_B] as const,
    );
    await expect.poll(() => paintedTexts(page), { timeout: 10_000 }).toEqual([QUOTE_B]);
    // The user opens it: the page does not hear or see it either.
    await clickOn(QUOTE_B);
    const edit = await dialogNamed('Edit annotation');
    await expect(edit.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe(NOTE_B);

    expect(await heardBeyondModifierRelease()).toEqual([]);
    const found = await report();
    expect(found.mostHighlights).toBe(0);
    expect(found.seenInHighlights).toBe('');
    for (const text of [found.mutations, found.messages, found.dom, found.frames.join('\n')]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    // The dialog's frame is not even among the page's frames: a frame in a shadow tree is
    // not listed in window.frames, so the page has no window to post to or read from.
    expect(found.frameCount).toBe(0);
    expect(found.frames).toEqual([]);
    // The dialog has the focus, so Escape closes it.
    expect(found.activeElement).toBe('ofsted-annotator-ui');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    // Nothing of the test's was left on the page's window for it to find.
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /ofsted/i.test(k)))).toEqual([]);
  });
});
