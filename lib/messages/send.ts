import { browser } from 'wxt/browser';
import type { BackgroundRequests, ContentRequests, Reply } from './protocol';

async function unwrap<T>(reply: Reply<T> | undefined): Promise<T> {
  if (!reply) throw new Error('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a typed request to the background and returns its answer, or throws its error. */
export async function sendToBackground<K extends keyof BackgroundRequests>(
  type: K,
  payload: BackgroundRequests[K]['request'],
): Promise<BackgroundRequests[K]['response']> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}

/** Sends a typed request to the content script of a tab's top frame. */
export async function sendToTab<K extends keyof ContentRequests>(
  tabId: number,
  type: K,
  payload: ContentRequests[K]['request'],
): Promise<ContentRequests[K]['response']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }));
}

/**
 * Sends a typed request to the PDF viewer showing in a tab. Extension pages do not receive
 * tabs.sendMessage, so it goes to every extension page, and only the viewer in that tab answers.
 */
export async function sendToViewer<K extends keyof ContentRequests>(
  tabId: number,
  type: K,
  payload: ContentRequests[K]['request'],
): Promise<ContentRequests[K]['response']> {
  return unwrap(await browser.runtime.sendMessage({ type, payload, tabId }));
}
