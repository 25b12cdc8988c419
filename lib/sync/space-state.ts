// What the extension remembers of its team space, in the extension's own storage (never the
// page's): where the space is, who the user is there, and how syncing goes. The background
// writes the status; the options page, popup and dashboard read it and follow its changes.

import { browser } from 'wxt/browser';
import type { Person } from '../model';
import type { SpaceAddress } from './space-address';

export interface SpaceSettings extends SpaceAddress {
  me: Person;
  /** The space's rule, read from its design document: may members change colleagues' annotations? */
  editOthers: boolean;
}

export type SpaceStatus =
  | { state: 'off' }
  | { state: 'syncing'; waiting: number; received: number; lastSynced?: string }
  | { state: 'connected'; lastSynced: string }
  | { state: 'offline'; waiting: number; lastSynced?: string }
  | { state: 'error'; message: string };

const SETTINGS = 'teamSpace';
const STATUS = 'teamSpaceStatus';
const NOTICES = 'teamSpaceNotices';
const MAX_NOTICES = 20;

export async function readSettings(): Promise<SpaceSettings | null> {
  return ((await browser.storage.local.get(SETTINGS))[SETTINGS] as SpaceSettings | undefined) ?? null;
}

export function writeSettings(settings: SpaceSettings | null): Promise<void> {
  return settings
    ? browser.storage.local.set({ [SETTINGS]: settings })
    : browser.storage.local.remove(SETTINGS);
}

export async function readStatus(): Promise<SpaceStatus> {
  return ((await browser.storage.local.get(STATUS))[STATUS] as SpaceStatus | undefined) ?? { state: 'off' };
}

export function writeStatus(status: SpaceStatus): Promise<void> {
  return browser.storage.local.set({ [STATUS]: status });
}

/** What happened that the user should know (a change undone, an edit kept), newest last. */
export async function addNotice(text: string, now: Date = new Date()): Promise<void> {
  const notices = await readNotices();
  await browser.storage.local.set({
    [NOTICES]: [...notices, { text, at: now.toISOString() }].slice(-MAX_NOTICES),
  });
}

export async function readNotices(): Promise<Array<{ text: string; at: string }>> {
  return ((await browser.storage.local.get(NOTICES))[NOTICES] as Array<{ text: string; at: string }>) ?? [];
}

/** Calls `listener` with the space's settings, status and notices now and whenever they change. */
export function followSpace(
  listener: (state: {
    settings: SpaceSettings | null;
    status: SpaceStatus;
    notices: Array<{ text: string; at: string }>;
  }) => void,
): () => void {
  const read = async () =>
    listener({ settings: await readSettings(), status: await readStatus(), notices: await readNotices() });
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS in changes || STATUS in changes || NOTICES in changes)) void read();
  };
  browser.storage.onChanged.addListener(onChanged);
  void read();
  return () => browser.storage.onChanged.removeListener(onChanged);
}
