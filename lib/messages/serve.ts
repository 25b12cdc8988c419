import type { Browser } from 'wxt/browser';
import type { Reply, RequestMap } from './protocol';

type Sender = Browser.runtime.MessageSender;

export type Handlers<M extends RequestMap<M>> = {
  [K in keyof M]: (payload: M[K]['request'], sender: Sender) => Promise<M[K]['response']>;
};

/**
 * Makes a runtime.onMessage listener that answers only messages of a known type from an
 * accepted sender, wraps the answer in a Reply, and turns every failure into a message.
 */
export function serveMessages<M extends RequestMap<M>>(
  handlers: Handlers<M>,
  acceptSender: (sender: Sender) => boolean,
) {
  return (message: unknown, sender: Sender, sendResponse: (reply: Reply<unknown>) => void) => {
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return false;
    if (!acceptSender(sender)) {
      sendResponse({ ok: false, error: 'Message refused: unknown sender.' });
      return false;
    }
    const handler = handlers[message.type as keyof M]!;
    handler(message.payload as never, sender).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true; // answered asynchronously
  };
}

function isMessage(value: unknown): value is { type: string; payload: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'payload' in value
  );
}

/** Passes on only the messages addressed to one tab (see sendToViewer). */
export function forTab(tabId: number, listener: ReturnType<typeof serveMessages>): typeof listener {
  return (message, sender, sendResponse) =>
    typeof message === 'object' && message !== null && (message as { tabId?: unknown }).tabId === tabId
      ? listener(message, sender, sendResponse)
      : false;
}
