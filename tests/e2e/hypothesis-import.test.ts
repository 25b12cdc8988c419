import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launch,
  openPage,
  serveFixturePages,
  OWN_FIXTURES,
  paintedColours,
  paintedTexts,
  PAGES,
  type Session,
} from './harness';

const NEWS_EXPORT = join(OWN_FIXTURES, 'hypothesis/news-export.json');
const REPORT_SEARCH = join(OWN_FIXTURES, 'hypothesis/report-search.json');

/** The highlights of news-export.json, as the page shows them. */
const NEWS_QUOTES = [
  'remain in unsafe and neglectful circumstances for too long',
  'according to a new report by Ofsted',
  'many children for whom there are concerns of significant harm are not seen quickly enough',
  'staff shortages and high caseloads',
  'a new practice model, supported by external partners, has become increasingly understood by social workers',
  'Daily meetings now take place between the police and the local authority',
];

/** The highlights of report-search.json. */
const REPORT_QUOTES = [
  'There are delays in almost half of the child protection strategy discussions being held.',
  'Management oversight and grip across the service and the effectiveness of supervision',
  'The response to children who are privately fostered is consistently strong',
  'Children’s experiences in Devon remain poor.',
];

/** The colour of an unrated highlight (lib/taxonomy/severity.ts), as CSS gives it. */
const UNRATED_COLOUR = 'rgb(224, 224, 224)';

let sessions: Session[] = [];

async function start(): Promise<Session> {
  const session = await launch();
  await serveFixturePages(session);
  sessions.push(session);
  return session;
}
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

const statusTexts = (page: Page) => async () =>
  (await page.getByRole('status').allTextContents()).filter(Boolean).join('\n');

describe('importing from Hypothesis', () => {
  it('paints every highlight of a Hypothesis export on its page, and says what it skipped and which themes it added', async () => {
    const session = await start();
    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Import a file').setInputFiles(NEWS_EXPORT);
    await expect
      .poll(statusTexts(options))
      .toContain(
        '6 added, 0 updated, 0 unchanged, 2 new themes: “caseloads”, “practice model”. 3 skipped: ' +
          'replies (a reply is about another annotation, not a passage): 2; ' +
          'page notes (a page note is about the whole page, not a passage): 1',
      );

    const page = await openPage(session, PAGES.news.url);
    await expect.poll(() => paintedTexts(page)).toEqual([...NEWS_QUOTES].sort());
    // Two of them had no severity tag: they are painted as unrated, not as any finding.
    expect((await paintedColours(page)).filter((c) => c === UNRATED_COLOUR)).toHaveLength(2);

    // The same file again changes nothing.
    await options.getByLabel('Import a file').setInputFiles(NEWS_EXPORT);
    await expect.poll(statusTexts(options)).toContain('0 added, 0 updated, 6 unchanged');
  });

  it('paints every highlight of a Hypothesis API search response imported from the dashboard', async () => {
    const session = await start();
    const dashboard = await openExtensionPage(session, 'dashboard.html');
    await dashboard.getByLabel('Import a file').setInputFiles(REPORT_SEARCH);
    await expect
      .poll(statusTexts(dashboard))
      .toContain(
        '4 added, 0 updated, 0 unchanged, 1 new theme: “private fostering”. 2 skipped: ' +
          'replies (a reply is about another annotation, not a passage): 1; ' +
          'page notes (a page note is about the whole page, not a passage): 1',
      );

    const page = await openPage(session, PAGES.report.url);
    await expect.poll(() => paintedTexts(page)).toEqual([...REPORT_QUOTES].sort());
  });
});
