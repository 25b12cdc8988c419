import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'content-script';

/**
 * Who sent a message: one of the extension's own pages (popup, viewer, dashboard: their
 * address is in the extension's origin), one of its content scripts (in a tab, on a web
 * page), or nobody we answer (null): another extension, or anything else.
 */
export function senderKind(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return null;
}
