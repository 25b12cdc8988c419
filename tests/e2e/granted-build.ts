// A copy of the built extension whose manifest already grants some host permissions, and a way
// to launch Chromium with it.
//
// Why: joining a team space asks for access to the team's server with
// `chrome.permissions.request` (an optional host permission). Chromium's prompt for it cannot be
// answered from Playwright or the DevTools protocol, and a grant made at run time on
// chrome://extensions does not activate optional host permissions. A build whose manifest
// already holds the permission makes `permissions.request` resolve true at once, as after a
// user's click on Allow, so the rest of the flow (signing in, syncing) runs for real.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

/**
 * Copies the built extension (EXTENSION_DIR, .output/chrome-mv3) to a fresh temporary
 * directory and adds `origins` (match patterns such as `http://127.0.0.1/*`) to the copy's
 * `host_permissions`. Gives the copy's directory; remove it with `rmSync(dir, { recursive: true })`.
 */
export function grantedExtensionDir(origins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ofsted-annotator-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...origins])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
