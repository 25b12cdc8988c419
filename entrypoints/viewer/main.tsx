import '../../components/extension-page.css';
import '../../components/report-details.css';
import '../../components/annotation-dialog.css';
import '../../components/viewer/text-layer.css';
import '../../components/viewer/viewer.css';
import '../../components/viewer/drafts.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Viewer } from '../../components/viewer/Viewer';
import type { ContentRequests } from '../../lib/messages/protocol';
import { openOriginal } from '../../lib/background/open-reports';
import { senderKind } from '../../lib/messages/senders';
import { forTab, serveMessages } from '../../lib/messages/serve';
import { fileParam, pageParam } from '../../lib/viewer/file-param';
import { readReport } from '../../lib/viewer/read-report';
import { createViewer, OWN_UI_ATTRIBUTE, type Viewer as ViewerModel } from '../../lib/viewer/viewer';

function App({ viewer }: { viewer: ViewerModel }) {
  return (
    <Viewer
      phase={viewer.phase.value}
      local={viewer.originalUrl.value === null}
      title={viewer.title.value}
      details={viewer.details.value}
      originalUrl={viewer.originalUrl.value}
      onOpenOriginal={() => viewer.originalUrl.value && void openOriginal(viewer.originalUrl.value)}
      problem={viewer.problem.value}
      onAllow={() => void viewer.allowAndRetry()}
      onFile={(file) => void viewer.openFile(file)}
      toolbar={{
        page: viewer.page.value,
        pageCount: viewer.pageCount.value,
        zoom: viewer.zoom.value,
        onPage: viewer.goToPage,
        onPrevious: viewer.previousPage,
        onNext: viewer.nextPage,
        onZoomIn: viewer.zoomIn,
        onZoomOut: viewer.zoomOut,
        onZoom: viewer.setZoom,
      }}
      items={viewer.items.value}
      themes={viewer.themes.value}
      annotatable={viewer.annotatable.value}
      onReveal={(id) => void viewer.reveal(id)}
      drafts={{
        drafts: viewer.drafts.drafts.value,
        phase: viewer.drafts.phase.value,
        message: viewer.drafts.message.value,
        progress: viewer.drafts.progress.value,
        canUndo: viewer.drafts.discarded.value.length > 0,
        onPropose: () => void viewer.drafts.propose(),
        onAccept: (id) => void viewer.drafts.accept(id),
        onEdit: viewer.drafts.edit,
        onDiscard: viewer.drafts.discard,
        onAcceptAll: () => void viewer.drafts.acceptAll(),
        onStopAccepting: viewer.drafts.stopAccepting,
        onDiscardAll: viewer.drafts.discardAll,
        onUndo: viewer.drafts.undoDiscard,
        onReveal: viewer.revealDraft,
      }}
      pages={viewer.scroller}
      overlay={viewer.overlayElement}
      ownUiAttribute={OWN_UI_ATTRIBUTE}
    />
  );
}

// Any site may link to the viewer (see wxt.config.ts), so none may frame it and steer clicks.
if (window.top !== window) throw new Error('Ofsted Annotator’s viewer does not run inside another page.');

const viewer = createViewer({ readReport });
render(<App viewer={viewer} />, document.getElementById('app')!);
effect(() => {
  document.title = viewer.title.value ? `${viewer.title.value} – Ofsted Annotator` : 'Ofsted Annotator';
});

// The popup and the background talk to this tab as they talk to a page's content script,
// naming the tab (see sendToViewer).
const tab = await browser.tabs.getCurrent();
if (tab?.id !== undefined) {
  browser.runtime.onMessage.addListener(
    forTab(
      tab.id,
      serveMessages<ContentRequests>(
        {
          'dialog/open': async () => ({ opened: viewer.openDialog() }),
          'page/status': async () => viewer.status(),
          'annotation/reveal': async ({ id }) => ({ found: viewer.reveal(id) }),
          'annotations/changed': async () => {
            await viewer.refreshAnnotations();
            return null;
          },
        },
        (sender) => senderKind(sender, browser.runtime.id, browser.runtime.getURL('/')) === 'extension-page',
      ),
    ),
  );
}

// The viewer's own fragment (#page=N, from a link to a quote) is not part of the file's address.
const [href, hash = ''] = location.href.split('#');
const address = fileParam(href!);
const page = pageParam(`#${hash}`);
if (address) void viewer.openAddress(address).then(() => page && viewer.goToPage(page));
