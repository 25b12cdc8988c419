// Connecting, running and disconnecting the team space, in the background. The options page
// asks the browser for the server's host permission (it needs the user's click) and sends
// the rest here; the password is used to sign in and then forgotten.

import { browser } from 'wxt/browser';
import type { AnnotatorDb } from '../db/database';
import {
  checkMembership,
  signIn,
  signOut,
  SpaceError,
  withSession,
  type SessionInfo,
} from '../sync/couch-session';
import { DESIGN_DOC_ID, designDoc } from '../sync/design-doc';
import { SpaceEngine } from '../sync/engine';
import { checkSpaceAddress, databaseUrl, serverPermission, type SpaceAddress } from '../sync/space-address';
import { addNotice, readSettings, writeSettings, writeStatus, type SpaceSettings } from '../sync/space-state';

export interface ConnectRequest {
  server: string;
  database: string;
  user: string;
  password: string;
  /** Shown to colleagues beside what the user writes. */
  name: string;
}

/** Wakes the background while a space is connected, should the browser have stopped it. */
export const WAKE_ALARM = 'team-space';
const KEEP_AWAKE_MS = 25_000;

export class TeamSpace {
  private engine: SpaceEngine | null = null;
  private keepAwake: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: AnnotatorDb,
    /** Tells open pages and viewers that these documents' annotations changed. */
    private readonly changed: (urls: Set<string>) => void,
  ) {}

  /**
   * Refuses, in words, a change to a colleague's annotation where the space allows own only
   * (the server would refuse it too, later and less clearly).
   */
  async assertMayChange(id: string): Promise<void> {
    const settings = await readSettings();
    if (!settings || settings.editOthers) return;
    const author = (await this.db.annotations.get(id))?.author;
    if (author && author.user !== settings.me.user) {
      throw new Error(
        `${author.name || author.user} wrote this annotation; in this team space only they can change it.`,
      );
    }
  }

  /** Starts syncing the connected space, if there is one (at every start of the background). */
  async resume(): Promise<void> {
    const settings = await readSettings();
    if (settings && !this.engine) this.run(settings);
  }

  async connect(request: ConnectRequest): Promise<SpaceSettings> {
    const address = checkSpaceAddress(request.server, request.database);
    if (typeof address === 'string') throw new SpaceError(address);
    const name = request.name.trim();
    const user = request.user.trim();
    if (!user) throw new SpaceError('Give your user name on the server.');
    if (!name) throw new SpaceError('Give the name your colleagues will see beside your annotations.');
    if (!(await browser.permissions.contains({ origins: [serverPermission(address)] }))) {
      throw new SpaceError(`The browser did not give permission to reach ${address.server}.`);
    }
    await this.disconnect({ keepSession: true });
    const session = await signIn(address, user, request.password);
    await checkMembership(address, user);
    const editOthers = await this.spaceRule(address, session);
    const settings: SpaceSettings = { ...address, me: { user, name }, editOthers };
    await writeSettings(settings);
    await writeStatus({ state: 'syncing', waiting: 0, received: 0 });
    this.run(settings, { first: true });
    return settings;
  }

  /** Stops syncing and ends the session; every record stays in the extension's database. */
  async disconnect({ keepSession = false } = {}): Promise<void> {
    const settings = await readSettings();
    clearInterval(this.keepAwake);
    await browser.alarms.clear(WAKE_ALARM);
    const engine = this.engine ?? (settings ? new SpaceEngine(this.db, settings, this.hooks()) : null);
    this.engine = null;
    await engine?.forget();
    await this.db.transaction('rw', this.db.outbox, this.db.spaceRevs, async () => {
      await this.db.outbox.clear();
      await this.db.spaceRevs.clear();
    });
    if (settings && !keepSession) await signOut(settings);
    await writeSettings(null);
    await writeStatus({ state: 'off' });
  }

  private run(settings: SpaceSettings, { first = false } = {}) {
    const engine = new SpaceEngine(this.db, settings, this.hooks());
    this.engine = engine;
    // The first time, everything stored here goes to the space, merged with what it has.
    void (first ? engine.sendEverything() : Promise.resolve()).then(() => engine.start());
    void browser.alarms.create(WAKE_ALARM, { periodInMinutes: 0.5 });
    // The live feed's long requests do not count as activity: a cheap call every 25 s keeps
    // the background awake, so colleagues' changes arrive within seconds, not minutes.
    clearInterval(this.keepAwake);
    this.keepAwake = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_AWAKE_MS);
  }

  private hooks() {
    return {
      setStatus: (status: Parameters<typeof writeStatus>[0]) => void writeStatus(status),
      notify: (message: string) => void addNotice(message),
      changed: this.changed,
    };
  }

  /**
   * The space's rule for colleagues' annotations, from its design document. An admin who
   * connects installs the document (own only, unless it says otherwise); for anyone else a
   * missing one is reported, and the extension keeps to own only.
   */
  private async spaceRule(address: SpaceAddress, session: SessionInfo): Promise<boolean> {
    const request = withSession();
    const url = `${databaseUrl(address)}/${DESIGN_DOC_ID}`;
    const existing = await request(url).then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    );
    const editOthers = existing?.ofstedAnnotator?.editOthers === true;
    if (session.isAdmin) {
      const wanted = designDoc({ editOthers });
      if (existing?.validate_doc_update !== wanted.validate_doc_update) {
        const put = await request(url, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...wanted, ...(existing?._rev && { _rev: existing._rev }) }),
        });
        if (!put.ok) await addNotice(`Could not install the space's rules (HTTP ${put.status}).`);
      }
    } else if (!existing) {
      await addNotice(
        'This space has no rules installed, so the server does not check who changes what. Ask its admin to connect once, or to install them (docs/team-spaces.md).',
      );
    }
    return editOthers;
  }
}
