import '../../components/annotation-dialog.css';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTOMATIC_SITES } from '../../lib/activation/sites';
import { BoxPainter } from '../../lib/highlight/box-painter';
import { followLayout } from '../../lib/highlight/follow-layout';
import { EVERY_DOCUMENT, type ContentRequests } from '../../lib/messages/protocol';
import { serveMessages } from '../../lib/messages/serve';
import { PageAnnotator } from '../../lib/page/annotator';
import { DialogFrameHost } from '../../lib/page/dialog-frame-host';
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
    // Highlights are boxes in the closed shadow root and the dialog is a frame of the
    // extension's own: the page's scripts can read no passage and hear no key (README).
    const painter = new BoxPainter(ui.uiContainer);
    const dialog = new DialogFrameHost(
      ui.uiContainer,
      (path) => browser.runtime.getURL(path as '/'),
      new URL(browser.runtime.getURL('/')).origin,
    );
    const annotator = new PageAnnotator({ painter, overlay: new Overlay(ui.uiContainer, dialog), isOwnUi });

    browser.runtime.onMessage.addListener(
      serveMessages<ContentRequests>(
        {
          'dialog/open': async () => ({ opened: annotator.openDialog() }),
          'page/status': async () => annotator.status(),
          'annotation/reveal': async ({ id }) => ({ found: annotator.reveal(id) }),
          'annotations/changed': async ({ urls }) => {
            if (urls.includes(annotator.documentUrl()) || urls.includes(EVERY_DOCUMENT))
              await annotator.refresh();
            return null;
          },
        },
        (sender) => sender.id === browser.runtime.id && !sender.tab, // the background or the popup
      ),
    );
    ctx.onInvalidated(listenForUser(document, annotator, isOwnUi));
    ctx.onInvalidated(watchPage(document, annotator, ui.shadowHost));
    ctx.onInvalidated(followLayout(document, painter, ui.shadowHost));
    await annotator.refresh();
  },
});
