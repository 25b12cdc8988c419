import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openReport, REPORTS, selectWithMouse, waitForViewer, type Session } from './harness';
import { storedAnnotations } from './extension-data';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await session.serve(REPORTS.devon2025.url, REPORTS.devon2025.file, 'application/pdf');
});
afterEach(async () => {
  await session?.close();
});

/** The six items under Devon 2025's "What needs to improve?", as printed. */
const ITEMS = [
  'The response to children at immediate risk of harm, including the timeliness of strategy discussions.',
  'The identification of risk and response to neglect, domestic abuse and extra-familial harm for children.',
  'The quality and impact of plans for children and care leavers to meet their needs.',
  'The assessment of risk and safety planning for care leavers.',
  'The availability of support and sufficient suitable local homes to meet the needs of children in care and care leavers.',
  'Management oversight and grip across the service and the effectiveness of supervision.',
];
const SEVERITIES: Record<string, number> = {
  'Serious concern': 4,
  'Needs improvement': 3,
  'Improving, not yet embedded': 2,
  Strength: 1,
  Context: 0,
};

const side = (page: Page) => page.getByRole('complementary', { name: 'Annotations in this document' });
const drafts = (page: Page) => side(page).getByRole('list', { name: 'Drafts to review' }).getByRole('listitem');
const status = (page: Page) => side(page).locator('.draft-status');

async function proposeDrafts(page: Page, expected: string | RegExp): Promise<void> {
  await side(page).getByRole('button', { name: 'Draft annotations' }).click();
  await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(expected);
}

function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (prefix) =>
      [...CSS.highlights].filter(([n]) => n.startsWith(prefix)).reduce((sum, [, h]) => sum + h.size, 0),
    name,
  );
}

/** The severity a draft's "Suggested: … · Needs improvement" line names. */
async function suggestedSeverity(page: Page, index: number): Promise<number> {
  const text = (await drafts(page).nth(index).locator('.suggested-note').textContent()) ?? '';
  return SEVERITIES[text.split(' · ').pop()!.replace(/^Suggested: /, '')]!;
}

describe('Draft annotations', () => {
  it('proposes the report’s improvement items for review, stores only what is accepted, once', async () => {
    const page = await openReport(session, REPORTS.devon2025.url);

    // An item the user already annotated is not drafted again.
    await selectWithMouse(page, ITEMS[3]!);
    const dialog = page.getByRole('dialog', { name: 'Annotate selection' });
    await dialog.getByRole('checkbox', { name: 'Care leavers', exact: true }).check();
    await dialog.getByRole('radio', { name: 'Needs improvement' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await storedAnnotations(session)).toHaveLength(1);

    await proposeDrafts(
      page,
      /^5 draft annotations from ‘What needs to improve\?’ \(1 already annotated, left out\)\.$/,
    );
    await expect.poll(() => drafts(page).count()).toBe(5);
    const quotes = await drafts(page).locator('.quote').allTextContents();
    expect(quotes).toEqual([ITEMS[0], ITEMS[1], ITEMS[2], ITEMS[4], ITEMS[5]]);
    await expect(drafts(page).first().locator('.place').textContent()).resolves.toBe(
      'p. 2, ¶ —, What needs to improve?',
    );
    expect(await highlightSize(page, 'ofsted-annotator-draft')).toBe(5);
    expect(await storedAnnotations(session)).toHaveLength(1); // nothing saved yet

    // Accept the first as suggested.
    const firstSeverity = await suggestedSeverity(page, 0);
    await drafts(page).first().getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(() => drafts(page).count()).toBe(4);

    // Edit the next: its suggestions are ticked; the user makes it a serious concern.
    await drafts(page).first().getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('dialog', { name: 'Annotate selection' });
    await edit.getByRole('radio', { name: 'Serious concern' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => drafts(page).count()).toBe(3);

    // Discard one, undo, discard it again.
    await drafts(page).first().getByRole('button', { name: /^Discard/ }).click();
    await expect.poll(() => drafts(page).count()).toBe(2);
    await side(page).getByRole('button', { name: 'Undo discard' }).click();
    await expect.poll(() => drafts(page).count()).toBe(3);
    await drafts(page).first().getByRole('button', { name: /^Discard/ }).click();
    await expect.poll(() => drafts(page).count()).toBe(2);
    const restSeverities = [await suggestedSeverity(page, 0), await suggestedSeverity(page, 1)];

    await side(page).getByRole('button', { name: 'Accept all (2)' }).click();
    await expect.poll(() => drafts(page).count()).toBe(0);
    await expect.poll(() => status(page).textContent()).toBe('2 annotations saved. Undo discard');
    expect(await highlightSize(page, 'ofsted-annotator-draft')).toBe(0);

    const stored = (await storedAnnotations(session)) as Array<
      Awaited<ReturnType<typeof storedAnnotations>>[number] & { citation?: unknown }
    >;
    expect(stored).toHaveLength(5);
    const byQuote = new Map(stored.map((a) => [a.quote, a]));
    expect([...byQuote.keys()].sort()).toEqual([ITEMS[0], ITEMS[1], ITEMS[3], ITEMS[4], ITEMS[5]].sort());
    expect(byQuote.get(ITEMS[0]!)!.severity).toBe(firstSeverity);
    expect(byQuote.get(ITEMS[1]!)!.severity).toBe(4);
    expect(byQuote.get(ITEMS[3]!)!.themes).toEqual(['care-leavers']);
    expect([byQuote.get(ITEMS[4]!)!.severity, byQuote.get(ITEMS[5]!)!.severity]).toEqual(restSeverities);
    for (const quote of [ITEMS[0]!, ITEMS[1]!, ITEMS[4]!, ITEMS[5]!]) {
      const a = byQuote.get(quote)!;
      expect(a.citation).toEqual({ page: 2, section: 'What needs to improve?' });
      expect(a.note).toBe('');
      expect(a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(quote);
      expect(a.selectors.some((s) => s.type === 'TextPositionSelector')).toBe(true);
    }
    // The user's own selection of an item's words is described the same way as a draft's.
    const own = byQuote.get(ITEMS[3]!)!.selectors.find((s) => s.type === 'TextQuoteSelector')!;
    expect(own.exact).toBe(ITEMS[3]);

    // After a reload: every one painted as a normal highlight; only the discarded item is offered.
    await page.reload();
    await waitForViewer(page);
    await side(page).getByRole('heading', { name: '5 annotations' }).waitFor();
    expect(await highlightSize(page, 'ofsted-annotator-severity-')).toBe(5);
    await proposeDrafts(
      page,
      /^1 draft annotation from ‘What needs to improve\?’ \(5 already annotated, left out\)\.$/,
    );
    await expect(drafts(page).locator('.quote').allTextContents()).resolves.toEqual([ITEMS[2]]);
    await drafts(page).first().getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(() => drafts(page).count()).toBe(0);
    await proposeDrafts(page, 'Every item under ‘What needs to improve?’ is already annotated: no drafts.');
    expect(await storedAnnotations(session)).toHaveLength(6);
  });
});
