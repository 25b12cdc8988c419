import { browser } from 'wxt/browser';
import type { BackgroundRequests, ContentRequests, Reply } from './protocol';

const NO_ANSWER = 'The extension did not answer. Reload the page and try again.';
/** The extension was updated, reloaded or removed while the page stayed open. */
const CONTEXT_GONE = /Extension context invalidated/i;

async function unwrap<T>(reply: Reply<T> | undefined): Promise<T> {
  if (!reply) throw new Error(NO_ANSWER);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * How the browser says the background went away before answering: it stops an idle service
 * worker, even in the middle of a request, and starts it again for the next message.
 */
const LOST_ANSWER = /message (channel|port) closed|Receiving end does not exist/i;

/**
 * Sends a typed request to the background and returns its answer, or throws its error. A
 * request whose answer was lost is sent once more: every background request may be repeated
 * (a new annotation carries its own id, a repeated delete finds it gone), so nothing is stored
 * twice, and the user is told of success only once the background has answered.
 */
export async function sendToBackground<K extends keyof BackgroundRequests>(
  type: K,
  payload: BackgroundRequests[K]['request'],
): Promise<BackgroundRequests[K]['response']> {
  const send = () => browser.runtime.sendMessage({ type, payload }) as Promise<Reply<unknown> | undefined>;
  let reply: Reply<unknown> | undefined;
  try {
    reply = await sendAgainIfLost(send);
  } catch (error) {
    throw inWords(error);
  }
  return unwrap(reply as Reply<BackgroundRequests[K]['response']> | undefined);
}

/** Sends, and sends once more if the answer was lost. */
async function sendAgainIfLost<T>(send: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return (await send()) ?? (await send());
  } catch (error) {
    if (!LOST_ANSWER.test(String((error as Error)?.message))) throw error;
    return send();
  }
}

/** The browser's messaging errors, in words a user can act on. */
function inWords(error: unknown): unknown {
  const message = String((error as Error)?.message);
  if (LOST_ANSWER.test(message)) return new Error(NO_ANSWER);
  if (CONTEXT_GONE.test(message))
    return new Error('Ofsted Annotator was updated or restarted. Reload the page to go on.');
  return error;
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
