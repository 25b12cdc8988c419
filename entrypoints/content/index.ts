import '../../components/annotation-dialog.css';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTOMATIC_SITES } from '../../lib/activation/sites';
import { Painter } from '../../lib/highlight/painter';
import type { ContentRequests } from '../../lib/messages/protocol';
import { serveMessages } from '../../lib/messages/serve';
import { PageAnnotator } from '../../lib/page/annotator';
import { Overlay } from '../../lib/page/overlay';
import { listenForUser, watchPage } from '../../lib/page/wire';

// Set in this content script's isolated world (invisible to the page) so that a second
// injection into the same page (toolbar button after the manifest match) does nothing.
const RUNNING = Symbol.for('ofsted-annotator');

export default defineContentScript({
  matches: AUTOMATIC_SITES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const world = globalThis as { [RUNNING]?: true };
    if (world[RUNNING]) return;
    world[RUNNING] = true;

    const ui = await createShadowRootUi(ctx, {
      name: 'ofsted-annotator-ui',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Closed: the page's scripts cannot reach the dialog (its note, its themes) through
      // the host's shadowRoot.
      mode: 'closed',
      isolateEvents: true,
      onMount: () => undefined,
    });
    ui.mount();
    const isOwnUi = (node: Node) => node === ui.shadowHost || ui.shadowHost.contains(node);
    const annotator = new PageAnnotator({
      painter: new Painter(),
      overlay: new Overlay(ui.uiContainer),
      isOwnUi,
    });

    browser.runtime.onMessage.addListener(
      serveMessages<ContentRequests>(
        {
          'dialog/open': async () => ({ opened: annotator.openDialog() }),
          'page/status': async () => annotator.status(),
          'annotation/reveal': async ({ id }) => ({ found: annotator.reveal(id) }),
        },
        (sender) => sender.id === browser.runtime.id && !sender.tab, // the background or the popup
      ),
    );
    ctx.onInvalidated(listenForUser(document, annotator, isOwnUi));
    ctx.onInvalidated(watchPage(document, annotator, ui.shadowHost));
    await annotator.refresh();
  },
});
