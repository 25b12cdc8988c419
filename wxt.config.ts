import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  // Every import is explicit: a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact({ prefreshEnabled: false })] }),
  manifest: {
    name: 'Ofsted Annotator',
    description:
      "Highlight, tag and export passages of Ofsted children's services reports and the news about them.",
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      'unlimitedStorage',
      'declarativeNetRequestWithHostAccess',
    ],
    // Ofsted's report files: to open them in the viewer and let it download them.
    host_permissions: ['https://files.ofsted.gov.uk/*', 'https://files.api.ofsted.gov.uk/*'],
    // A link to a report on any site is redirected to the viewer, which must be reachable from
    // there; the viewer refuses to run inside another page's frame.
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['https://*/*', 'http://*/*'] }],
    // Asked for one site at a time, when the user chooses "Always on this site".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Ofsted Annotator' },
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selected text',
      },
    },
  },
});
