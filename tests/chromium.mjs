// How the tests and the benchmark start Debian's Chromium with the built extension: headless,
// in a persistent profile, with no background traffic (this machine's network is closed).
// Plain JavaScript, so that the .mjs benchmark runner and the TypeScript tests share it.

/** Options for chromium.launchPersistentContext that load the extension in `extensionDir`. */
export function chromiumWithExtension(extensionDir) {
  return {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
