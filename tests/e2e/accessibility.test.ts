import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { expectNoSeriousViolations } from './axe';
import {
  annotationDialogFrame,
  launch,
  openPage,
  openPopup,
  PAGES,
  REPORTS,
  selectWithMouse,
  type Session,
  openReport,
  paintedTexts,
} from './harness';

// One browser for the whole file: the annotations made at the start (three on a news page,
// one on a council's report page, two in the PDF viewer) are what every surface shows.
// Keyboard tests press real keys (page.keyboard) and never use the mouse.

let session: Session;
let news: Page;

async function annotate(page: Page, from: string, to: string, theme: string, severity: string, note = '') {
  await selectWithMouse(page, from, to);
  // On a web page the dialog is in a frame of the extension's own; the viewer draws it in its page.
  const dialog = /viewer\.html/.test(page.url())
    ? page.getByRole('dialog', { name: 'Annotate selection' })
    : annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
  await dialog.getByRole('checkbox', { name: theme, exact: true }).check();
  await dialog.getByRole('radio', { name: severity }).check();
  if (note) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const openViewer = () => openReport(session, REPORTS.devon2025.url);

function extensionPage(name: 'dashboard' | 'options'): Promise<Page> {
  return session.context.newPage().then(async (page) => {
    await page.goto(`chrome-extension://${session.extensionId}/${name}.html`);
    return page;
  });
}

beforeAll(async () => {
  session = await launch();
  for (const p of Object.values(PAGES)) await session.serve(p.url, p.file);
  for (const r of Object.values(REPORTS)) await session.serve(r.url, r.file, 'application/pdf');
  news = await openPage(session, PAGES.news.url);
  await annotate(
    news,
    'Published this week',
    'risk of harm',
    'Front door and thresholds',
    'Needs improvement',
    'Referral surge',
  );
  await annotate(news, 'Daily meetings now take place', 'domestic abuse', 'Multi-agency working', 'Strength');
  await annotate(
    news,
    'some unilateral decision-making remains',
    'should also be present',
    'Multi-agency working',
    'Needs improvement',
  );
  const report = await openPage(session, PAGES.report.url);
  await annotate(
    report,
    'Children’s experiences in Devon remain poor',
    'at risk of harm',
    'Neglect',
    'Serious concern',
  );
  await report.close();
  const viewer = await openViewer();
  await annotate(
    viewer,
    'An internal review in early 2024',
    'need to strengthen,',
    'Early help and family help',
    'Needs improvement',
  );
  await annotate(
    viewer,
    'A recently fully staffed service',
    'is appropriate,',
    'Early help and family help',
    'Strength',
  );
  await viewer.close();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

/** The focused element (inside shadow roots too), and how its focus shows, if it does. */
interface Focused {
  /** "button Export JSON", "checkbox Neglect", "link Open …". */
  what: string;
  /** The computed style that shows the focus ("outline 2px solid …"), or null when none does. */
  indicator: string | null;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { what: 'body', indicator: null };
    const indicatorOf = (e: Element): string | null => {
      const s = getComputedStyle(e);
      const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor))
        return `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
      if (s.boxShadow && s.boxShadow !== 'none') return `box-shadow ${s.boxShadow}`;
      return null;
    };
    const box = el.getBoundingClientRect();
    let indicator = box.width > 0 && box.height > 0 ? indicatorOf(el) : null;
    // A file input laid transparently over its label shows its focus on the label.
    if (!indicator && getComputedStyle(el).opacity === '0') {
      const label = el.closest('label');
      if (label) indicator = indicatorOf(label);
    }
    const types: Record<string, string> = { search: 'searchbox', text: 'textbox' };
    const role =
      el.getAttribute('role') ??
      ({ A: 'link', BUTTON: 'button', SELECT: 'select', TEXTAREA: 'textbox' } as Record<string, string>)[
        el.tagName
      ] ??
      (el instanceof HTMLInputElement ? (types[el.type] ?? el.type) : el.tagName.toLowerCase());
    const labelText = (label: HTMLLabelElement | undefined) => {
      if (!label) return null;
      const copy = label.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('input, select, textarea').forEach((c) => c.remove());
      return copy.textContent;
    };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      labelText((el as HTMLInputElement).labels?.[0]) ??
      el.textContent ??
      '';
    return { what: `${role} ${name.replace(/\s+/g, ' ').trim()}`, indicator };
  });
}

/** Presses `key` and returns the element it focused, failing if its focus does not show. */
async function press(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key);
  const now = await focused(page);
  expect(now.indicator, `no visible focus on ${now.what} after ${key}`).not.toBeNull();
  return now.what;
}

/**
 * Presses Tab until the focused element's description matches `target` (checking the focus
 * shows at each step), and returns every element passed on the way.
 */
async function tabTo(page: Page, target: RegExp, { back = false, max = 80 } = {}): Promise<string[]> {
  const passed: string[] = [];
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    passed.push(now.what);
    if (!now.indicator)
      throw new Error(`No visible focus on ${now.what} after ${key}, from:\n${passed.join('\n')}`);
    if (target.test(now.what)) return passed;
  }
  throw new Error(`${key} never reached ${target}; it went through:\n${passed.join('\n')}`);
}

/**
 * Every element Tab stops at, once round, from where the focus is (the top of a page just
 * opened), checking the focus shows on each.
 */
async function tabStops(page: Page, max = 120): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.what === 'body' || now.what === stops[0]) return stops;
    expect(now.indicator, `no visible focus on ${now.what}`).not.toBeNull();
    // Tab moves through the parts of a date field without leaving it.
    if (now.what !== stops.at(-1)) stops.push(now.what);
  }
  return stops;
}

/** The passage flashed: on a web page a box over it; in the viewer (an extension page) a Highlight. */
function flashed(page: Page): Promise<string[]> {
  if (!/viewer\.html/.test(page.url())) return paintedTexts(page, 'passing');
  return page.evaluate(() =>
    [...(CSS.highlights.get('ofsted-annotator-flash') ?? [])].map((r) => `${r}`.replace(/\s+/g, ' ')),
  );
}

async function downloadOnKey(page: Page, key: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  return download;
}

describe('the accessibility check', () => {
  it('fails on a serious violation, naming the rule, the element and what is wrong', async () => {
    const page = await extensionPage('options');
    await page.getByRole('group', { name: 'Neglect' }).waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('button')));
    await expect(expectNoSeriousViolations(page, 'a broken page')).rejects.toThrow(
      /^axe-core found serious or critical violations on a broken page:\nbutton-name \(critical\) at main > button: /,
    );
    await page.close();
  });
});

describe('the popup', () => {
  it('has no serious accessibility problem, listing the page or searching every page', async () => {
    const popup = await openPopup(session, news);
    await popup.getByRole('heading', { name: '3 annotations' }).waitFor();
    await expectNoSeriousViolations(popup, 'the popup’s “This page”');
    await popup.getByRole('tab', { name: 'All pages' }).click();
    await expectNoSeriousViolations(popup, 'the popup’s “All pages”');
    await popup.getByRole('searchbox', { name: 'Search quotes and notes' }).fill('referral');
    await popup.getByRole('heading', { name: '1 match' }).waitFor();
    await expectNoSeriousViolations(popup, 'the popup with a search typed');
    await popup.close();
  });

  it('works from the keyboard: every control and annotation, revealing one, and the search', async () => {
    await news.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(session, news);
    await popup.getByRole('heading', { name: '3 annotations' }).waitFor();

    const stops = await tabStops(popup);
    expect(stops).toEqual([
      'tab This page',
      expect.stringMatching(/^button “Published this week/),
      expect.stringMatching(/^button “Daily meetings now take place/),
      expect.stringMatching(/^button “some unilateral decision-making remains/),
      'button Open dashboard',
      'button Open a PDF file…',
      'button Export JSON',
    ]);

    // Enter on an annotation scrolls the page to it and flashes it.
    await tabTo(popup, /^button “some unilateral/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => news.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect
      .poll(() => flashed(news))
      .toEqual([expect.stringMatching(/^some unilateral decision-making/)]);

    // The arrow keys move between the tabs; the search box filters as the user types.
    await tabTo(popup, /^tab This page/, { back: true });
    expect(await press(popup, 'ArrowRight')).toBe('tab All pages');
    await popup.getByRole('link', { name: /Devon's vulnerable children/ }).waitFor();
    expect(await press(popup, 'Tab')).toBe('searchbox Search quotes and notes');
    await popup.keyboard.type('referral surge');
    await popup.getByRole('heading', { name: '1 match' }).waitFor();
    expect(await popup.getByText(/Published this week/).count()).toBe(1);
    expect(await press(popup, 'Tab')).toMatch(/^link Devon's vulnerable children/);
    expect(await press(popup, 'Tab')).toBe('button Open dashboard');
    await popup.close();
  });
});

describe('the dashboard', () => {
  it('has no serious accessibility problem, as it opens, filtered, and comparing two documents', async () => {
    const page = await extensionPage('dashboard');
    await page.getByRole('heading', { name: 'Annotations', exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'the dashboard');

    await page.getByRole('checkbox', { name: 'Needs improvement' }).check();
    await page.getByText('Showing 3 of 3 annotations.').waitFor();
    const compare = page.getByRole('region', { name: 'Compare' });
    const choices = await compare.getByLabel('First document').locator('option').allTextContents();
    await compare
      .getByLabel('First document')
      .selectOption({ label: choices.find((c) => /Devon's/.test(c))! });
    await compare
      .getByLabel('Second document')
      .selectOption({ label: choices.find((c) => /Inspection of Devon/.test(c))! });
    await compare.getByRole('table', { name: 'Annotations per theme' }).waitFor();
    await expectNoSeriousViolations(page, 'the dashboard, filtered and comparing');
    await page.close();
  });

  it('works from the keyboard: filters, selecting, exporting and comparing', async () => {
    const page = await extensionPage('dashboard');
    await page.getByRole('heading', { name: 'Annotations', exact: true }).waitFor();

    const stops = await tabStops(page, 200);
    for (const expected of [
      /^file Import a file/,
      /^checkbox Devon$/,
      /^link Open Inspection of Devon/,
      /^searchbox Search quotes and notes/,
      /^select Themes/,
      /^checkbox Serious concern/,
      /^select Site/,
      /^date From/,
      /^button Export Markdown briefing/,
      /^button Select all 6/,
      /^checkbox Select “Children’s experiences in Devon/,
      /^select First document/,
      /^select Second document/,
    ])
      expect(stops, `Tab never reached ${expected}`).toContainEqual(expect.stringMatching(expected));

    // A filter from the keyboard: Space ticks a severity.
    await tabTo(page, /^checkbox Strength/);
    await page.keyboard.press('Space');
    await page.getByText('Showing 2 of 2 annotations.').waitFor();
    await page.keyboard.press('Space');
    await page.getByText('Showing 6 of 6 annotations.').waitFor();

    // Tick an annotation, and export it with Enter, then with Space.
    await tabTo(page, /^checkbox Select “Children’s experiences in Devon/);
    await page.keyboard.press('Space');
    await page.getByText('1 selected.').waitFor();
    await page.getByText('Exports cover the 1 selected annotation.').waitFor();
    await tabTo(page, /^button Export CSV/, { back: true });
    const csv = await downloadOnKey(page, 'Enter');
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Children’s experiences in Devon remain poor');
    expect(await press(page, 'Tab')).toBe('button Export W3C JSON-LD');
    expect(await press(page, 'Tab')).toBe('button Export JSON');
    const json = JSON.parse(readFileSync((await (await downloadOnKey(page, 'Space')).path())!, 'utf8'));
    expect(json.annotations).toHaveLength(1);

    // Compare two documents: the arrow keys choose in a focused list.
    await tabTo(page, /^select First document/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('First document').inputValue()).not.toBe('');
    await press(page, 'Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('table', { name: 'Annotations per theme' }).waitFor();
    await page.close();
  });

  it('shows more annotations from the keyboard, moving the focus to the first new one', async () => {
    const page = await extensionPage('dashboard');
    await page.getByLabel('Import a file').setInputFiles(bulkExport(205));
    await page.getByText('205 added, 0 updated, 0 unchanged').waitFor();
    await page.getByText('Showing 200 of 211 annotations.').waitFor();
    // Shift+Tab from the comparison, which follows the list.
    await page.getByLabel('First document').focus();
    expect(await press(page, 'Shift+Tab')).toBe('button Show more');
    await page.keyboard.press('Enter');
    await page.getByText('Showing 211 of 211 annotations.').waitFor();
    const now = await focused(page);
    expect(now.what).toMatch(/^checkbox Select “/);
    expect(now.indicator).not.toBeNull();
    await page.close();
  });
});

describe('the options page', () => {
  it('has no serious accessibility problem, with themes listed or an import refused', async () => {
    const page = await extensionPage('options');
    await page.getByRole('group', { name: 'Neglect' }).waitFor();
    await expectNoSeriousViolations(page, 'the options page');
    const file = join(tmpdir(), 'ofsted-annotator-a11y-bad.json');
    writeFileSync(file, '{"format":"ofsted-annotator","version":2,"annotations":[{"id":1}]}');
    await page.getByLabel('Import a file').setInputFiles(file);
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join('')).not.toBe('');
    await expectNoSeriousViolations(page, 'the options page showing an import error');
    await page.close();
  });

  it('renames, recolours, reorders and retires a theme from the keyboard', async () => {
    const page = await extensionPage('options');
    const first = 'Leadership, governance and corporate parenting';
    await page.getByRole('group', { name: first }).waitFor();
    const status = page.getByRole('status').first();

    await tabTo(page, new RegExp(`^textbox Name of ${first}`));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Leadership and governance');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Leadership and governance' }).waitFor();
    await expect.poll(() => status.textContent()).toMatch(/^Renamed/);

    await tabTo(page, /^textbox Colour code of Leadership and governance/, { back: true, max: 3 });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('#123456');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('Colour of Leadership and governance').inputValue())
      .toBe('#123456');
    await expect.poll(() => status.textContent()).toMatch(/^Changed the colour/);

    await tabTo(page, /^button Move down/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.theme-row').nth(1).getAttribute('aria-label'))
      .toBe('Leadership and governance');
    // The focus stays on the moved theme's button, so it can be moved again.
    await expect.poll(async () => (await focused(page)).what).toBe('button Move down');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label')),
      )
      .toBe('Leadership and governance');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('.theme-row').nth(2).getAttribute('aria-label'))
      .toBe('Leadership and governance');
    await expect.poll(() => status.textContent()).toMatch(/^Moved “Leadership and governance” to position 3/);

    await tabTo(page, /^button Retire/);
    await page.keyboard.press('Enter');
    const group = page.getByRole('group', { name: 'Leadership and governance' });
    await group.getByRole('button', { name: 'Restore' }).waitFor();
    expect((await focused(page)).what).toBe('button Restore');
    await page.keyboard.press('Enter');
    await group.getByRole('button', { name: 'Retire' }).waitFor();
    await page.close();
  });
});

describe('the PDF viewer', () => {
  it('has no serious accessibility problem with a report and its side list showing', async () => {
    const page = await openViewer();
    await page.getByRole('complementary').getByRole('heading', { name: '2 annotations' }).waitFor();
    await expectNoSeriousViolations(page, 'the viewer');
    await page.close();
  });

  it('has no serious accessibility problem offering to open a file', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/viewer.html`);
    await page.getByLabel('Choose a PDF…').waitFor({ state: 'attached' });
    await expectNoSeriousViolations(page, 'the viewer with no file');
    expect(await tabStops(page)).toEqual(['file Choose a PDF…']);
    await page.close();
  });

  it('works from the keyboard: pages, page number, zoom and the side list', async () => {
    const page = await openViewer();
    const pageNumber = page.getByRole('textbox', { name: 'Page number' });
    await expect.poll(() => pageNumber.inputValue()).toBe('1');

    await page.keyboard.press('PageDown');
    await expect.poll(() => pageNumber.inputValue()).toBe('2');
    await page.keyboard.press('PageDown');
    await expect.poll(() => pageNumber.inputValue()).toBe('3');
    await page.keyboard.press('PageUp');
    await expect.poll(() => pageNumber.inputValue()).toBe('2');

    await tabTo(page, /^textbox Page number/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => pageNumber.inputValue()).toBe('5');
    expect(await press(page, 'Tab')).toBe('button Next page');
    await page.keyboard.press('Enter');
    await expect.poll(() => pageNumber.inputValue()).toBe('6');
    expect(await press(page, 'Shift+Tab')).toBe('textbox Page number');
    expect(await press(page, 'Shift+Tab')).toBe('button Previous page');
    await page.keyboard.press('Space');
    await expect.poll(() => pageNumber.inputValue()).toBe('5');

    const zoom = page.getByRole('combobox', { name: 'Zoom' });
    expect(await zoom.inputValue()).toBe('fit-width');
    await tabTo(page, /^button Zoom in/);
    await page.keyboard.press('Enter');
    await expect.poll(() => zoom.inputValue()).not.toBe('fit-width');
    const zoomed = Number(await zoom.inputValue());
    await tabTo(page, /^button Zoom out/, { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await zoom.inputValue())).toBeLessThan(zoomed);

    // Home to page 1, then through the side list: Enter reveals an annotation on page 2.
    await tabTo(page, /^region Report pages/);
    await page.keyboard.press('Home');
    // The browser scrolls smoothly: wait until it is at the top.
    await expect
      .poll(() => page.getByRole('region', { name: 'Report pages' }).evaluate((pages) => pages.scrollTop))
      .toBe(0);
    await expect.poll(() => pageNumber.inputValue()).toBe('1');
    await tabTo(page, /^button Pages? 2.*“A recently fully staffed service/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => flashed(page))
      .toEqual([expect.stringMatching(/^A recently fully staffed service/)]);
    await expect.poll(() => pageNumber.inputValue()).toBe('2');
    await page.close();
  });
});

/** A native export of `count` annotations on one page, as a file to import. */
function bulkExport(count: number): string {
  const url = 'https://www.cypnow.co.uk/news/article/devon-children-s-services-a11y';
  const when = '2026-03-01T10:00:00.000Z';
  const workforce = {
    id: 'workforce',
    label: 'Workforce stability and caseloads',
    color: '#6d4c41',
    order: 3,
    retired: false,
  };
  const annotations = Array.from({ length: count }, (_, i) => {
    const quote = `Bulk quote number ${i + 1} about caseloads.`;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      document: { url, title: 'Devon children’s services: caseloads' },
      quote,
      selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
      themes: ['workforce'],
      severity: 3,
      note: '',
      createdAt: when,
      updatedAt: when,
    };
  });
  const file = join(tmpdir(), 'ofsted-annotator-a11y-bulk.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'ofsted-annotator',
      version: 2,
      exportedAt: when,
      themes: [workforce],
      annotations,
    }),
  );
  return file;
}
