import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedAnnotations } from './extension-data';
import {
  launch,
  openPage,
  serveFixturePages,
  OWN_FIXTURES,
  paintedTexts,
  PAGES,
  type Session,
} from './harness';

// W3C Web Annotations from another tool, imported through the options page as a user would.

const POSITION_ONLY = join(OWN_FIXTURES, 'w3c/example-24-text-position.json');
const SENTENCE = 'Parental consent is routinely considered at the front door';

let sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

describe('importing W3C Web Annotations', () => {
  it('paints an annotation given by position alone on its page, and keeps the quote and context found there', async () => {
    const session = await launch();
    sessions.push(session);
    await serveFixturePages(session);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByLabel('Import a file').setInputFiles(POSITION_ONLY);
    await expect
      .poll(async () => (await options.getByRole('status').allTextContents()).join('\n'))
      .toContain('1 added, 0 updated, 0 unchanged');
    const [imported] = await storedAnnotations(session);
    expect(imported).toMatchObject({ quote: '' }); // waiting for its page

    const page = await openPage(session, PAGES.report.url);
    await expect.poll(() => paintedTexts(page)).toEqual([SENTENCE]);
    await expect.poll(async () => (await storedAnnotations(session))[0]?.quote).toBe(SENTENCE);
    const [completed] = await storedAnnotations(session);
    expect(completed!.selectors).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: SENTENCE }),
      { type: 'TextPositionSelector', start: 5010, end: 5068 },
    ]);
    expect(String(completed!.selectors[0]!.prefix).length).toBeGreaterThan(0);
  });
});
