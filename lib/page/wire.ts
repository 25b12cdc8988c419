import type { PageAnnotator } from './annotator';

const KEYBOARD_SELECTION_KEYS = new Set(['Shift']);
const MUTATION_SETTLE_MS = 400;

/**
 * Connects the annotator to the user's actions on the page: a finished mouse selection or a
 * keyboard selection (released Shift) opens the dialog; a click on a highlight edits it.
 */
export function listenForUser(doc: Document, annotator: PageAnnotator, isOwnUi: (n: Node) => boolean) {
  const fromOwnUi = (event: Event) => event.composedPath().some((t) => t instanceof Node && isOwnUi(t));

  const onMouseUp = (event: MouseEvent) => {
    if (event.button !== 0 || fromOwnUi(event)) return;
    // Let the browser finish updating the selection first.
    setTimeout(() => {
      if (!annotator.annotateSelection() && doc.getSelection()?.isCollapsed !== false) {
        annotator.editAt(event.clientX, event.clientY);
      }
    });
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (KEYBOARD_SELECTION_KEYS.has(event.key) && !fromOwnUi(event)) annotator.annotateSelection();
  };
  doc.addEventListener('mouseup', onMouseUp);
  doc.addEventListener('keyup', onKeyUp);
  return () => {
    doc.removeEventListener('mouseup', onMouseUp);
    doc.removeEventListener('keyup', onKeyUp);
  };
}

/**
 * Re-anchors when the page's content changes (late-loading article text, ads), batched so a
 * burst of changes costs one pass, and keeps the extension's UI attached if the page removes it.
 */
export function watchPage(doc: Document, annotator: PageAnnotator, host: Element) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((mutations) => {
    if (!host.isConnected) doc.body.append(host);
    if (mutations.every((m) => host.contains(m.target))) return;
    annotator.invalidateText();
    clearTimeout(timer);
    timer = setTimeout(() => annotator.repaint(), MUTATION_SETTLE_MS);
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
