import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEVERITY_LEVELS } from '../../lib/taxonomy/severity';
import { DEFAULT_THEMES } from '../../lib/taxonomy/themes';
import { storedAnnotations } from './extension-data';
import {
  annotationDialogFrame,
  launch,
  openPage,
  openReport,
  PAGES,
  REPORTS,
  selectWithMouse,
  serveFixturePages,
  type Session,
} from './harness';

let session: Session;

beforeEach(async () => {
  session = await launch();
  await serveFixturePages(session);
  await session.serve(REPORTS.devon2025.url, REPORTS.devon2025.file, 'application/pdf');
});
afterEach(async () => {
  await session?.close();
});

describe('suggested themes and severity', () => {
  it('offers themes and a severity for a news passage, taken with Alt+1 and Alt+4, and saves only what was taken', async () => {
    const page = await openPage(session, PAGES.news.url);
    await selectWithMouse(page, 'Many of Devon’s vulnerable', 'Ofsted');
    const dialog = annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' });
    const suggested = dialog.getByRole('group', { name: 'Suggested' });
    await suggested.getByRole('button', { name: 'Neglect', exact: true }).waitFor();
    const names = await suggested.getByRole('button').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.length).toBeLessThanOrEqual(4);
    const [firstTheme] = names;
    const severity = names.at(-1)!;
    // Suggestions are offered, not ticked.
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);

    await dialog.getByRole('searchbox', { name: 'Filter themes' }).focus();
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+4');
    await expect.poll(() => dialog.getByRole('checkbox', { name: firstTheme, exact: true }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: severity }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [saved] = await storedAnnotations(session);
    expect(saved!.themes).toEqual([DEFAULT_THEMES.find((t) => t.label === firstTheme)!.id]);
    expect(saved!.severity).toBe(SEVERITY_LEVELS.find((s) => s.label === severity)!.level);
  });

  it('suggests "Needs improvement" for an item under "What needs to improve?" in a report, from its section', async () => {
    const page = await openReport(session, REPORTS.devon2025.url);
    await selectWithMouse(page, 'domestic abuse and extra-', 'familial harm for children');
    const dialog = page.getByRole('dialog', { name: 'Annotate selection' });
    const suggested = dialog.getByRole('group', { name: 'Suggested' });
    await suggested.getByRole('button', { name: 'Needs improvement' }).waitFor();
    await suggested.getByRole('button', { name: 'Domestic abuse', exact: true }).waitFor();
  });
});
