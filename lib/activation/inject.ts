import { browser } from 'wxt/browser';
import { sendToTab } from '../messages/send';
import { sitePattern } from './sites';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Whether the annotator already runs in a tab's page. */
export async function isRunning(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'page/status', {});
    return true;
  } catch {
    return false;
  }
}

/**
 * Switches the annotator on in a tab. Needs the user's gesture on the extension (toolbar
 * button, context menu, shortcut: the `activeTab` grant) or the site's host permission.
 */
export async function ensureRunning(tabId: number): Promise<void> {
  if (await isRunning(tabId)) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
}

const scriptId = (pattern: string) => `site:${pattern}`;

/**
 * "Always on this site": asks for the site's host permission. It must run in a user gesture
 * in an extension page; the popup may close while the browser asks, so the background
 * finishes the work when the permission arrives (see `switchOnSite`).
 */
export async function requestSite(pageUrl: string): Promise<boolean> {
  const pattern = sitePattern(pageUrl);
  return pattern !== null && browser.permissions.request({ origins: [pattern] });
}

/** Runs the annotator on every page of a granted site: now in open tabs, and on later visits. */
export async function switchOnSite(pattern: string): Promise<void> {
  await registerSite(pattern);
  const tabs = await browser.tabs.query({ url: pattern });
  await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? null : ensureRunning(tab.id))));
}

/** Registers the content script on every site the user has granted (after install or update). */
export async function registerGrantedSites(manifestOrigins: readonly string[]): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  await Promise.allSettled(origins.filter((o) => !manifestOrigins.includes(o)).map((o) => registerSite(o)));
}

async function registerSite(pattern: string): Promise<void> {
  const id = scriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [pattern], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export async function unregisterSite(pattern: string): Promise<void> {
  const id = scriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
}
