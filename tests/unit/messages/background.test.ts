import { browser, type Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { SuggestionService } from '../../../lib/background/suggestions';
import { TeamSpace } from '../../../lib/background/team-space';
import type { AnnotatorDb } from '../../../lib/db/database';
import type { BackgroundRequests, Reply } from '../../../lib/messages/protocol';
import { senderKind } from '../../../lib/messages/senders';
import { serveMessages } from '../../../lib/messages/serve';
import type { ReportDetails } from '../../../lib/model';
import { draft, freshDb, NEWS_URL, REPORT_URL } from '../db/helpers';

type Sender = Browser.runtime.MessageSender;

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const OTHER_URL = 'https://www.theguardian.com/society/children';

const contentScript = (url: string, frameId = 0): Sender => ({
  id: ID,
  url,
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId,
});
const extensionPage: Sender = { id: ID, url: `${ORIGIN}popup.html` };
const pdfViewer: Sender = { id: ID, url: `${ORIGIN}viewer.html?file=${encodeURIComponent(REPORT_URL)}` };

const details = (localAuthority: string): ReportDetails => ({
  localAuthority,
  visitType: 'focused visit',
  inspectionDates: { text: '14 and 15 January 2026', start: '2026-01-14', end: '2026-01-15' },
  judgements: [],
});
const otherExtension: Sender = { id: 'someone-else', url: NEWS_URL, tab: { id: 7 } as Browser.tabs.Tab };

let db: AnnotatorDb;
let badges: Array<[number, number]>;
let listener: ReturnType<typeof serveMessages<BackgroundRequests>>;

/** Sends a message as the browser would deliver it, and waits for the reply. */
function send(message: unknown, sender: Sender): Promise<Reply<unknown> | 'not handled'> {
  return new Promise((resolve) => {
    const handled = listener(message, sender, resolve);
    if (!handled) setTimeout(() => resolve('not handled'));
  });
}

beforeEach(() => {
  db = freshDb();
  badges = [];
  const kindOf = (sender: Sender) => senderKind(sender, ID, ORIGIN);
  listener = serveMessages(
    backgroundHandlers({
      db,
      kindOf,
      setBadge: (tab, count) => badges.push([tab, count]),
      space: new TeamSpace(db, () => undefined),
      suggestions: new SuggestionService(db),
    }),
    (sender) => kindOf(sender) !== null,
  );
});
afterEach(() => db.delete());

describe('background messages', () => {
  it('saves a content script’s annotation on the sender’s own page, whatever address the message names', async () => {
    const reply = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'News', url: OTHER_URL } },
      contentScript(`${NEWS_URL}#comments`),
    );
    expect(reply).toMatchObject({ ok: true, value: { url: NEWS_URL } });
    expect(await db.annotations.where('url').equals(OTHER_URL).count()).toBe(0);
  });

  it('follows a single-page site to another address on its own origin, and no further', async () => {
    const moved = `${NEWS_URL}/second-story`;
    const reply = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'Second story', url: moved } },
      contentScript(NEWS_URL),
    );
    expect(reply).toMatchObject({ ok: true, value: { url: moved } });
    const elsewhere = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'x', url: OTHER_URL } },
      contentScript(NEWS_URL),
    );
    expect(elsewhere).toMatchObject({ ok: true, value: { url: NEWS_URL } });
  });

  it('gives a content script only its own page’s annotations', async () => {
    await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'News' } },
      contentScript(NEWS_URL),
    );
    const reply = (await send(
      { type: 'page/load', payload: { url: NEWS_URL } },
      contentScript(OTHER_URL),
    )) as Reply<BackgroundRequests['page/load']['response']>;
    expect(reply.ok && reply.value.annotations).toEqual([]);
  });

  it('refuses to change or delete another page’s annotation from a content script', async () => {
    const created = (await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'News' } },
      contentScript(NEWS_URL),
    )) as { ok: true; value: { id: string } };
    const id = created.value.id;
    const update = await send(
      { type: 'annotation/update', payload: { id, changes: { themes: [], severity: 0, note: 'x' } } },
      contentScript(OTHER_URL),
    );
    const remove = await send({ type: 'annotation/delete', payload: { id } }, contentScript(OTHER_URL));
    expect(update).toEqual({ ok: false, error: 'Annotation not found on this page' });
    expect(remove).toEqual({ ok: false, error: 'Annotation not found on this page' });
    expect(await db.annotations.get(id)).toMatchObject({ note: '' });
  });

  it('lets an extension page work on a document it names, and requires it to name one', async () => {
    const named = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'Report', url: OTHER_URL } },
      extensionPage,
    );
    expect(named).toMatchObject({ ok: true, value: { url: OTHER_URL } });
    const unnamed = await send({ type: 'page/load', payload: {} }, extensionPage);
    expect(unnamed).toEqual({ ok: false, error: 'This request must name its document.' });
  });

  it('stores the report details the PDF viewer sends with a new annotation', async () => {
    const reply = await send(
      {
        type: 'annotation/create',
        payload: { draft: draft(), title: 'Report', url: REPORT_URL, details: details('Devon') },
      },
      pdfViewer,
    );
    expect(reply).toMatchObject({ ok: true });
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details('Devon'));
  });

  it('ignores report details sent by a content script, keeping those the viewer stored', async () => {
    await send(
      {
        type: 'annotation/create',
        payload: { draft: draft(), title: 'Report', url: REPORT_URL, details: details('Devon') },
      },
      pdfViewer,
    );
    const reply = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'Report', details: details('Forged') } },
      contentScript(REPORT_URL),
    );
    expect(reply).toMatchObject({ ok: true, value: { url: REPORT_URL } });
    expect(await db.annotations.count()).toBe(2);
    expect((await db.documents.get(REPORT_URL))?.details).toEqual(details('Devon'));
  });

  it('sets no report details for a content script’s page', async () => {
    await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'News', details: details('Forged') } },
      contentScript(NEWS_URL),
    );
    const record = await db.documents.get(NEWS_URL);
    expect(record).toBeDefined();
    expect(record?.details).toBeUndefined();
  });

  it('refuses a web page’s content script that tries to connect or disconnect the team space', async () => {
    const connect = await send(
      {
        type: 'space/connect',
        payload: { server: 'https://couch.evil.example', database: 'x', user: 'u', password: 'p', name: 'n' },
      },
      contentScript(NEWS_URL),
    );
    const disconnect = await send({ type: 'space/disconnect', payload: {} }, contentScript(NEWS_URL));
    expect(connect).toEqual({ ok: false, error: 'Only the extension’s options page may do this.' });
    expect(disconnect).toEqual({ ok: false, error: 'Only the extension’s options page may do this.' });
  });

  it('refuses a change to a colleague’s annotation where the team space allows own only', async () => {
    await browser.storage.local.set({
      teamSpace: {
        server: 'https://couch.example.gov.uk',
        database: 'scrutiny',
        me: { user: 'ann', name: 'Ann' },
        editOthers: false,
      },
    });
    const created = (await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'News' } },
      contentScript(NEWS_URL),
    )) as { ok: true; value: { id: string } };
    const id = created.value.id;
    await db.annotations.update(id, { author: { user: 'ben', name: 'Ben Lead Member' } });

    const update = await send(
      { type: 'annotation/update', payload: { id, changes: { themes: [], severity: 0, note: 'mine now' } } },
      contentScript(NEWS_URL),
    );
    const remove = await send({ type: 'annotation/delete', payload: { id } }, contentScript(NEWS_URL));
    const refusal = 'Ben Lead Member wrote this annotation; in this team space only they can change it.';
    expect(update).toEqual({ ok: false, error: refusal });
    expect(remove).toEqual({ ok: false, error: refusal });
    expect(await db.annotations.get(id)).toMatchObject({ note: '' });
    await browser.storage.local.clear();
  });

  it('refuses every message from another extension', async () => {
    const reply = await send(
      { type: 'annotation/create', payload: { draft: draft(), title: 'x' } },
      otherExtension,
    );
    expect(reply).toEqual({ ok: false, error: 'Message refused: unknown sender.' });
    expect(await db.annotations.count()).toBe(0);
  });

  it('leaves messages it does not know to other listeners', async () => {
    expect(await send({ type: 'no/such-thing', payload: {} }, contentScript(NEWS_URL))).toBe('not handled');
    expect(await send('page/load', contentScript(NEWS_URL))).toBe('not handled');
    expect(await send({ type: 'toString', payload: {} }, contentScript(NEWS_URL))).toBe('not handled');
  });

  it('answers a failed save with its reason and stores nothing', async () => {
    const reply = await send(
      { type: 'annotation/create', payload: { draft: draft({ themes: ['no-such-theme'] }), title: 'x' } },
      contentScript(NEWS_URL),
    );
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('no-such-theme') });
    expect(await db.annotations.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
  });

  it('shows the count reported by a page’s top frame on its tab’s badge, not a sub-frame’s', async () => {
    await send({ type: 'page/anchored', payload: { total: 4, orphanIds: ['x'] } }, contentScript(NEWS_URL));
    await send({ type: 'page/anchored', payload: { total: 9, orphanIds: [] } }, contentScript(NEWS_URL, 3));
    expect(badges).toEqual([[7, 4]]);
  });
});

describe('passages/suggest', () => {
  const passage = 'Care leavers have personal advisers who know them well and help them into education and work.';

  it("answers a content script with up to three of the user's active themes and a severity for each passage", async () => {
    await db.themes.update('care-leavers', { retired: true });
    const reply = await send(
      { type: 'passages/suggest', payload: { passages: [{ text: passage }, { text: 'Managers do not always record their decisions.' }] } },
      contentScript(NEWS_URL),
    );
    if (reply === 'not handled' || !reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`);
    const suggestions = reply.value as Array<{ themes: string[]; severity: number }>;
    expect(suggestions).toHaveLength(2);
    for (const { themes, severity } of suggestions) {
      expect(themes.length).toBeGreaterThan(0);
      expect(themes.length).toBeLessThanOrEqual(3);
      expect(themes).not.toContain('care-leavers');
      expect([0, 1, 2, 3, 4]).toContain(severity);
    }
  });

  it('learns from an annotation as soon as it is saved', async () => {
    await db.themes.add({ id: 'youth-justice', label: 'Youth justice', color: '#123456', order: 30, retired: false });
    const text = 'Referral order panels meet weekly, and the young people on court orders attend them with their case managers.';
    const ask = async () => {
      const reply = await send({ type: 'passages/suggest', payload: { passages: [{ text }] } }, extensionPage);
      if (reply === 'not handled' || !reply.ok) throw new Error('refused');
      return (reply.value as Array<{ themes: string[] }>)[0]!.themes;
    };
    expect(await ask()).not.toContain('youth-justice');
    await send(
      {
        type: 'annotation/create',
        payload: { draft: { ...draft(), quote: text, themes: ['youth-justice'], severity: 1 }, title: 'News' },
      },
      contentScript(NEWS_URL),
    );
    expect(await ask()).toContain('youth-justice');
  });

  it('refuses a request that is not a short list of passages with text', async () => {
    for (const passages of [{ text: 'x' }, [{ section: 'Leadership' }], Array.from({ length: 501 }, () => ({ text: 'x' }))]) {
      const reply = await send({ type: 'passages/suggest', payload: { passages } }, contentScript(NEWS_URL));
      expect(reply).toMatchObject({ ok: false });
    }
  });
});

