// Runs a connected team space in the background: PouchDB replicates the local mirror with the
// CouchDB database both ways (live, retrying with back-off while offline), and the bridge
// moves changes between the mirror and the extension's database. Local changes wait in the
// outbox, not in the mirror, while the server cannot be reached, so "N changes waiting" is
// exact and a browser restart loses nothing. Push and pull run one at a time.

import { liveQuery, type Subscription } from 'dexie';
import PouchDB from 'pouchdb-browser';
import type { AnnotatorDb } from '../db/database';
import { SpaceBridge } from './bridge';
import { withSession } from './couch-session';
import type { Mirror } from './mirror';
import { databaseUrl } from './space-address';
import type { SpaceSettings, SpaceStatus } from './space-state';

/** The local copy of the space, in the extension's own IndexedDB. */
export const MIRROR_NAME = 'ofsted-annotator-space';

export interface EngineHooks {
  setStatus(status: SpaceStatus): void;
  notify(message: string): void;
  /** The space changed these documents' annotations: open pages paint them again. */
  changed(urls: Set<string>): void;
}

interface Cancelable {
  cancel(): void;
  on(event: string, listener: (...args: any[]) => void): Cancelable;
}

export class SpaceEngine {
  private readonly mirror = new PouchDB(MIRROR_NAME, { auto_compaction: true });
  private readonly bridge: SpaceBridge;
  private replications: Cancelable[] = [];
  /** The directions whose last request failed: while any does, the space is offline. */
  private readonly failing = new Set<'push' | 'pull'>();
  private feed: Cancelable | null = null;
  private outboxWatch: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Null until the server first answers or fails to: the status says "Syncing…" meanwhile. */
  private online: boolean | null = null;
  /** Changes the user made that wait in the outbox (annotations and themes). */
  private outboxIds = new Set<string>();
  /** Written to the mirror, not yet confirmed sent by its push replication. */
  private readonly inMirror = new Set<string>();
  /** Colleagues' changes received in this burst of syncing (the progress of a first sync). */
  private received = 0;
  private readonly waitingTasks = new Set<'push' | 'pull'>();
  private pulling = false;
  private lastReport = '';
  /** Stopped by an error the user must act on: its message stays as the status. */
  private failed = false;
  private lastSynced: string | undefined;

  constructor(
    private readonly db: AnnotatorDb,
    private readonly settings: SpaceSettings,
    private readonly hooks: EngineHooks,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.bridge = new SpaceBridge(db, this.mirror as Mirror, settings.me, settings, hooks.notify);
  }

  start(): void {
    const remote = new PouchDB(databaseUrl(this.settings), { fetch: withSession(), skip_setup: true });
    const options = { live: true, retry: true, back_off_function: backOff };
    // Two one-way replications rather than PouchDB's sync(): only they report which requests failed.
    this.replications = [
      this.watch(this.mirror.replicate.to(remote, options), 'push'),
      this.watch(this.mirror.replicate.from(remote, options), 'pull'),
    ];
    this.feed = (this.mirror.changes({ live: true, since: 'now' }) as Cancelable).on('change', () =>
      this.run('pull'),
    );
    // A change to an annotation also dates its document record: the user counts the annotation.
    const pending = async () => ({
      all: await this.db.outbox.count(),
      shown: (await this.db.outbox
        .filter((entry) => entry.table !== 'documents')
        .primaryKeys()) as string[],
    });
    this.outboxWatch = liveQuery(pending).subscribe(({ all, shown }) => {
      this.outboxIds = new Set(shown);
      this.report();
      if (all > 0 && this.online) this.run('push');
    });
    this.run('pull'); // what arrived while the background slept
  }

  async stop(): Promise<void> {
    for (const replication of this.replications) replication.cancel();
    this.feed?.cancel();
    this.outboxWatch?.unsubscribe();
    await this.queue;
  }

  /** Removes the local copy of the space (Disconnect): the extension's own records stay. */
  async forget(): Promise<void> {
    await this.stop();
    await this.mirror.destroy();
  }

  /** Sends everything stored (first connect), merged with what the space has. */
  sendEverything(): Promise<void> {
    return this.bridge.sendEverything();
  }

  private watch(replication: Cancelable, direction: 'push' | 'pull'): Cancelable {
    const reached = () => {
      this.failing.delete(direction);
      this.setOnline(this.failing.size === 0);
    };
    return replication
      .on('active', reached)
      // Each 'change' names the batch just replicated (docs_written counts since the start).
      .on('change', (info: { docs?: Array<{ _id: string }> }) => {
        const docs = (info.docs ?? []).filter((doc) => COUNTED.test(doc._id));
        if (direction === 'pull') this.received += docs.length;
        else for (const doc of docs) this.inMirror.delete(doc._id);
        reached();
      })
      .on('paused', (error: unknown) => {
        if (error) return;
        this.lastSynced = this.now().toISOString();
        if (direction === 'push') this.inMirror.clear(); // caught up: the server has it all
        reached();
      })
      .on('requestError', (error: { status?: number; message?: string }) => {
        // Signed out or no longer a member: retrying cannot help until the user connects again.
        if (error?.status === 401 || error?.status === 403) return this.fail(error);
        this.failing.add(direction);
        this.setOnline(false);
      })
      .on('denied', (error: { reason?: string }) =>
        this.hooks.notify(`The space refused a change: ${error?.reason ?? 'not allowed'}.`),
      )
      .on('error', (error: { status?: number; message?: string }) => this.fail(error));
  }

  private setOnline(online: boolean) {
    const cameBack = online && !this.online;
    this.online = online;
    if (cameBack && this.outboxIds.size > 0) this.run('push');
    this.report();
  }

  /** Sends batches while they make progress (a batch the space changed under waits for its next change). */
  private async push() {
    let before = Infinity;
    while (this.online) {
      const left = await this.bridge.push((ids) => {
        for (const id of ids) if (COUNTED.test(id)) this.inMirror.add(id);
        this.report();
      });
      if (left === 0 || left >= before) return;
      before = left;
    }
  }

  private async pull() {
    const urls = await this.bridge.pullAll();
    if (urls.size > 0) this.hooks.changed(urls);
    // A local change that met this one waits in the outbox: send it now, merged.
    if (this.online) this.run('push');
  }

  /**
   * Queues a push or a pull, one task at a time. A task already waiting its turn covers every
   * later request for it (each reads all there is when it starts), so a burst of changes costs
   * one pass, not one per change.
   */
  private run(kind: 'push' | 'pull') {
    if (this.waitingTasks.has(kind)) return;
    this.waitingTasks.add(kind);
    if (kind === 'pull') this.setPulling(true);
    const task = async () => {
      this.waitingTasks.delete(kind);
      await (kind === 'push' ? this.push() : this.pull());
      if (kind === 'pull' && !this.waitingTasks.has('pull')) this.setPulling(false);
    };
    this.queue = this.queue.then(task).catch((error: unknown) => this.hooks.notify(String(error)));
  }

  /** While colleagues' changes are being applied here, the space is still syncing. */
  private setPulling(pulling: boolean) {
    if (pulling === this.pulling) return;
    this.pulling = pulling;
    this.report();
  }

  /** Changes not yet on the server: in the outbox, or in the mirror and not yet sent from it. */
  private waitingCount(): number {
    let count = this.outboxIds.size;
    for (const id of this.inMirror) if (!this.outboxIds.has(id)) count++;
    return count;
  }

  private report() {
    if (this.failed) return;
    const waiting = this.waitingCount();
    const { received, lastSynced } = this;
    const status: SpaceStatus =
      this.online === false
        ? { state: 'offline', waiting, lastSynced }
        : this.online === null || waiting > 0 || this.pulling || !lastSynced
          ? { state: 'syncing', waiting, received, lastSynced }
          : { state: 'connected', lastSynced };
    if (status.state === 'connected') this.received = 0; // the next burst counts from nothing
    // Every change reports; storage hears only a status that differs from the last one.
    const said = JSON.stringify(status);
    if (said === this.lastReport) return;
    this.lastReport = said;
    this.hooks.setStatus(status);
  }

  private fail(error: { status?: number; message?: string }) {
    for (const replication of this.replications) replication.cancel();
    this.failed = true;
    const message =
      error.status === 401
        ? 'The space no longer accepts your sign-in (the session ended, or you were removed from the space). Disconnect, then Connect to sign in again.'
        : error.status === 403
          ? 'You are no longer a member of this space. Ask its admin to add you, then Disconnect and Connect again.'
          : `Syncing stopped: ${error.message ?? 'unknown error'}. Disconnect, then Connect to try again.`;
    this.hooks.setStatus({ state: 'error', message });
  }
}

/** The documents the user counts as changes: annotations and themes, not document records. */
const COUNTED = /^(annotation|theme):/;

/** Waits longer after each failure to reach the server, up to half a minute. */
function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 30_000);
}
