import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, openPage, PAGES, type Session, annotationDialogFrame } from './harness';

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('asks for no access to every site and keeps the data from eviction', () => {
    const everything = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'];
    for (const pattern of everything) {
      expect(manifest.permissions).not.toContain(pattern);
      expect(manifest.host_permissions ?? []).not.toContain(pattern);
    }
    expect(manifest.permissions).toEqual(
      expect.arrayContaining(['unlimitedStorage', 'activeTab', 'scripting']),
    );
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('asks for exactly the permissions the README explains, and nothing broader', () => {
    expect([...manifest.permissions].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'declarativeNetRequestWithHostAccess',
        'scripting',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
    expect(manifest.host_permissions).toEqual([
      'https://files.ofsted.gov.uk/*',
      'https://files.api.ofsted.gov.uk/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // Websites may load the viewer (a report link opens it), the dialog's frame, at an address
    // that changes every session, and the in-page stylesheet, nothing else.
    type Resource = { resources: string[]; use_dynamic_url?: boolean };
    const reachable = manifest.web_accessible_resources.flatMap((r: Resource) => r.resources);
    expect(reachable).toContain('viewer.html');
    for (const resource of reachable)
      expect(resource).toMatch(/^viewer\.html$|^annotation-dialog\.html$|^content-scripts\/content\.css$/);
    const dialogEntry = manifest.web_accessible_resources.find((r: Resource) =>
      r.resources.includes('annotation-dialog.html'),
    );
    expect(dialogEntry.use_dynamic_url).toBe(true);
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Permissions'),
      readme.indexOf('## How the extension protects'),
    );
    for (const permission of [
      ...manifest.permissions,
      ...manifest.host_permissions,
      ...manifest.optional_host_permissions,
    ]) {
      expect(section, `the README explains ${permission}`).toContain(`\`${permission}\``);
    }
  });

  it('runs by itself on Ofsted’s sites and the default news sites', () => {
    const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    for (const site of [
      '*://reports.ofsted.gov.uk/*',
      '*://www.bbc.co.uk/news*',
      '*://www.bbc.com/news*',
      '*://www.devonlive.com/*',
      '*://www.theguardian.com/*',
    ]) {
      expect(matches).toContain(site);
    }
    expect(matches).toContain('*://*.gov.uk/*'); // www.gov.uk and councils' sites
  });

  it('offers a keyboard shortcut to annotate the selection', () => {
    expect(manifest.commands['annotate-selection'].suggested_key.default).toBe('Alt+Shift+A');
  });
});

describe('opening the dialog from the browser (shortcut, context menu)', () => {
  let session: Session;
  beforeEach(async () => {
    session = await launch();
    await session.serve(PAGES.news.url, PAGES.news.file);
  });
  afterEach(() => session?.close());

  it('opens "Annotate selection" for the page’s current selection when the background asks', async () => {
    const page = await openPage(session, PAGES.news.url);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith('Published'))!;
      getSelection()!.selectAllChildren(p);
    });
    // What the background does after a context-menu click or the shortcut.
    const reply = await session.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const replies = await Promise.all(
        tabs.map((t) =>
          chrome.tabs
            .sendMessage(t.id!, { type: 'dialog/open', payload: {} }, { frameId: 0 })
            .catch(() => null),
        ),
      );
      return replies.find(Boolean);
    });
    expect(reply).toEqual({ ok: true, value: { opened: true } });
    await annotationDialogFrame(page).getByRole('dialog', { name: 'Annotate selection' }).waitFor();
  });
});
