import type { PageAnnotator } from './annotator';

const KEYBOARD_SELECTION_KEYS = new Set(['Shift']);
/** How long a burst of changes may run before the page is looked at again. */
const MUTATION_SETTLE_MS = 300;

/**
 * Connects the annotator to the user's actions on the page: a finished mouse selection or a
 * keyboard selection (released Shift) opens the dialog; a click on a highlight edits it.
 */
export function listenForUser(doc: Document, annotator: PageAnnotator, isOwnUi: (n: Node) => boolean) {
  const fromOwnUi = (event: Event) => event.composedPath().some((t) => t instanceof Node && isOwnUi(t));

  // Only the user's own presses count: a page's script can dispatch events that look like them.
  const onMouseUp = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || fromOwnUi(event)) return;
    // Let the browser finish updating the selection first.
    setTimeout(() => {
      if (!annotator.annotateSelection() && doc.getSelection()?.isCollapsed !== false) {
        annotator.editAt(event.clientX, event.clientY);
      }
    });
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.isTrusted && KEYBOARD_SELECTION_KEYS.has(event.key) && !fromOwnUi(event)) {
      annotator.annotateSelection();
    }
  };
  doc.addEventListener('mouseup', onMouseUp);
  doc.addEventListener('keyup', onKeyUp);
  return () => {
    doc.removeEventListener('mouseup', onMouseUp);
    doc.removeEventListener('keyup', onKeyUp);
  };
}

/**
 * Follows the page as it changes, batched so that a burst of changes costs one pass, and
 * keeps the extension's UI attached if the page removes it. Content that arrives late (an
 * article body inserted by a script, "load more" sections) gets its passages painted once it
 * settles; a single-page site's new address gets its own annotations. The page's own
 * history.pushState calls are invisible from the content script's world, but a site that
 * changes address changes its content too, back and forward send popstate, and where there
 * is the Navigation API (Chromium) its currententrychange event reports every new address:
 * each batch compares the address. When nothing changes, nothing runs.
 */
export function watchPage(doc: Document, annotator: PageAnnotator, host: Element) {
  const win = doc.defaultView!;
  const navigation = (win as { navigation?: EventTarget }).navigation;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    timer = undefined;
    if (annotator.addressChanged()) void annotator.refresh();
    else annotator.reanchor();
  };
  // At most one pass per interval, even on a page that never stops changing (a live clock).
  const schedule = () => {
    timer ??= setTimeout(settle, MUTATION_SETTLE_MS);
  };
  const observer = new MutationObserver((mutations) => {
    if (!host.isConnected) doc.body.append(host);
    if (mutations.every((m) => host.contains(m.target))) return;
    annotator.invalidateText();
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  win.addEventListener('popstate', schedule);
  win.addEventListener('hashchange', schedule);
  navigation?.addEventListener('currententrychange', schedule);
  return () => {
    clearTimeout(timer);
    observer.disconnect();
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
    navigation?.removeEventListener('currententrychange', schedule);
  };
}
