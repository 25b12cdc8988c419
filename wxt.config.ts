import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Firefox's add-on id: stable, so that the database (in the extension's own origin) and the
 * user's grants survive updates.
 */
const FIREFOX_ID = 'ofsted-annotator@ofsted-annotator.example';

/**
 * The oldest Firefox with everything the extension uses: the CSS Custom Highlight API (140,
 * the newest of them) and `data_collection_permissions` (140); before it, declarativeNetRequest
 * (113), MV3 host permissions granted at install (127) and `optional_host_permissions` (128).
 */
const FIREFOX_MIN_VERSION = '140.0';

export default defineConfig({
  // Every import is explicit: a reader sees where each name comes from.
  imports: false,
  // A second build beside the usual one (BUILD_DIR=.output-mine, then EXTENSION_DIR for the
  // e2e tests) lets a change be tried while the suite runs on .output.
  outDir: process.env.BUILD_DIR ?? '.output',
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false })],
    // PouchDB (team spaces) is written against Node's EventEmitter: the `events` package is it,
    // for browsers. Without the alias Vite stubs the built-in name with an empty module.
    resolve: { alias: { events: 'events/' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Ofsted Annotator',
    description:
      "Highlight, tag and export passages of Ofsted children's services reports and the news about them.",
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      'unlimitedStorage',
      'declarativeNetRequestWithHostAccess',
      // Team spaces: the background wakes to sync a connected space (no prompt, no warning).
      'alarms',
      // The team space's address, settings and sync status, in the extension's own storage.
      'storage',
    ],
    // Ofsted's report files: to open them in the viewer and let it download them.
    host_permissions: ['https://files.ofsted.gov.uk/*', 'https://files.api.ofsted.gov.uk/*'],
    // A link to a report on any site is redirected to the viewer, which must be reachable from
    // there; the viewer refuses to run inside another page's frame.
    web_accessible_resources: [
      { resources: ['viewer.html'], matches: ['https://*/*', 'http://*/*'] },
      // The annotation dialog's frame, on any page the annotator runs on. In Chrome its address
      // changes every session, so a page cannot tell from it that the extension is installed.
      {
        resources: ['annotation-dialog.html'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    // Asked for one site at a time, when the user chooses "Always on this site".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Ofsted Annotator' },
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selected text',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // It sends nothing anywhere (see the README).
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
