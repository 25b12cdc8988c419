// The options page's Team space section: what the space's status says, in words, and the
// Connect and Disconnect actions. Connect first asks the browser for the server's host
// permission, which must happen in the click itself (before any await), then the background
// signs in and starts syncing.

import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ConnectRequest } from '../background/team-space';
import { sendToBackground } from '../messages/send';
import { checkSpaceAddress, serverPermission } from '../sync/space-address';
import { followSpace, type SpaceSettings, type SpaceStatus } from '../sync/space-state';
import { count as grouped, ofTotal } from '../progress';
import type { Notice } from './model';

export function createTeamSpaceModel() {
  const settings = signal<SpaceSettings | null>(null);
  const status = signal<SpaceStatus>({ state: 'off' });
  const notices = signal<Array<{ text: string; at: string }>>([]);
  const busy = signal<'connecting' | 'disconnecting' | null>(null);
  const notice = signal<Notice | null>(null);
  /** A long burst of syncing (a first sync), for its progress bar; null otherwise. */
  const progress = signal<SyncProgress | null>(null);

  const stop = followSpace((state) => {
    settings.value = state.settings;
    status.value = state.status;
    progress.value = syncProgress(progress.value, state.status);
    notices.value = state.notices;
  });

  /** Called from the Connect button's click: the permission request must come first. */
  function connect(request: ConnectRequest): Promise<boolean> {
    const address = checkSpaceAddress(request.server, request.database);
    if (typeof address === 'string') {
      notice.value = { kind: 'error', text: address };
      return Promise.resolve(false);
    }
    busy.value = 'connecting';
    notice.value = { kind: 'status', text: `Asking the browser for permission to reach ${address.server}…` };
    return browser.permissions
      .request({ origins: [serverPermission(address)] })
      .then(async (granted) => {
        if (!granted)
          throw new Error(`Connecting needs permission to reach ${address.server}; it was not given.`);
        notice.value = { kind: 'status', text: 'Signing in…' };
        const me = await sendToBackground('space/connect', request);
        notice.value = { kind: 'status', text: `Connected as ${me.name}.` };
        return true;
      })
      .catch((error: unknown) => {
        notice.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
        return false;
      })
      .finally(() => (busy.value = null));
  }

  async function disconnect(): Promise<void> {
    busy.value = 'disconnecting';
    try {
      await sendToBackground('space/disconnect', {});
      notice.value = {
        kind: 'status',
        text: 'Disconnected. Every annotation is still here, on this computer.',
      };
    } catch (error) {
      notice.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    } finally {
      busy.value = null;
    }
  }

  return { settings, status, notices, busy, notice, progress, connect, disconnect, stop };
}

export type TeamSpaceModel = ReturnType<typeof createTeamSpaceModel>;

/**
 * A burst of syncing: the most changes waiting to be sent since it began (`peak`), how many
 * still wait and how many colleagues' changes were received. The space does not say how many
 * it will send, so receiving has no total.
 */
export interface SyncProgress {
  peak: number;
  waiting: number;
  received: number;
}

/** A burst this large (to send or received) shows a progress bar: a first sync, or a large import. */
export const SYNC_PROGRESS_FROM = 200;

/** The burst after `status`, from the one before it; null once syncing stops. */
export function syncProgress(previous: SyncProgress | null, status: SpaceStatus): SyncProgress | null {
  if (status.state !== 'syncing') return null;
  return {
    peak: Math.max(previous?.peak ?? 0, status.waiting),
    waiting: status.waiting,
    received: status.received,
  };
}

/** Whether the burst is long enough to show a bar. */
export const showsSyncProgress = (p: SyncProgress | null): p is SyncProgress =>
  p !== null && (p.peak >= SYNC_PROGRESS_FROM || p.received >= SYNC_PROGRESS_FROM);

/** "Sending 2,300 of 10,000 changes…" while sending; "Receiving: 3,400 changes so far…" after. */
export function describeSyncProgress({ peak, waiting, received }: SyncProgress): string {
  if (waiting > 0) return ofTotal('Sending', { done: peak - waiting, total: peak }, 'change');
  return `Receiving: ${grouped(received)} change${received === 1 ? '' : 's'} so far…`;
}

/** The status line: connected, syncing, offline with changes waiting, or the error. */
export function describeStatus(status: SpaceStatus, now: Date = new Date()): string {
  switch (status.state) {
    case 'off':
      return 'Not connected. Annotations stay on this computer.';
    case 'connected':
      return `Connected. Last synced ${ago(status.lastSynced, now)}.`;
    case 'syncing':
      return [
        'Syncing…',
        status.received > 0 ? `${count(status.received, 'change')} received.` : '',
        status.waiting > 0 ? `${count(status.waiting, 'change')} to send.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'offline':
      return [
        'Offline: the server cannot be reached.',
        status.waiting > 0
          ? `${count(status.waiting, 'change')} waiting to be sent.`
          : 'Nothing waiting to be sent.',
        status.lastSynced ? `Last synced ${ago(status.lastSynced, now)}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'error':
      return status.message;
  }
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

function ago(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  return `at ${new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
}
