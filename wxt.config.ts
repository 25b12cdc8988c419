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
    permissions: ['activeTab', 'scripting', 'contextMenus', 'unlimitedStorage'],
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
