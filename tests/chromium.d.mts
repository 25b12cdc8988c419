import type { LaunchOptions } from 'playwright-core';

/** Options for chromium.launchPersistentContext that load the extension in `extensionDir`. */
export function chromiumWithExtension(extensionDir: string): Pick<
  LaunchOptions,
  'executablePath' | 'headless' | 'args'
> & {
  viewport: { width: number; height: number };
};
