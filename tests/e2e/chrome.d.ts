import type { browser } from 'wxt/browser';

declare global {
  /** The extension API, in code that tests run inside the extension's own pages and worker. */
  const chrome: typeof browser;
}
