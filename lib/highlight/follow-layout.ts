import type { BoxPainter } from './box-painter';

/**
 * Keeps a BoxPainter's boxes on their text: after scrolling (of the document or of any
 * element), resizing and zooming, fonts loading, and changes to the page's elements, at most
 * once a frame. Nothing runs while the page is idle, and nothing when nothing is painted.
 * The listeners are the content script's own: the page cannot see or remove them.
 */
export function followLayout(doc: Document, painter: BoxPainter, ownHost: Element): () => void {
  const win = doc.defaultView!;
  let frame = 0;
  let relayout = false;
  const scrolled = new Set<EventTarget>();
  const run = () => {
    frame = 0;
    if (relayout) painter.relayout();
    else painter.scrolled(scrolled);
    relayout = false;
    scrolled.clear();
  };
  const schedule = () => {
    frame ||= win.requestAnimationFrame(run);
  };
  const onLayout = () => {
    if (painter.isEmpty) return;
    relayout = true;
    schedule();
  };
  const onScroll = (event: Event) => {
    if (painter.isEmpty || !event.target) return;
    scrolled.add(event.target);
    schedule();
  };

  const sizes = new ResizeObserver(onLayout);
  sizes.observe(doc.documentElement);
  if (doc.body) sizes.observe(doc.body);
  // Class, style and attribute changes move text without changing the DOM's text.
  const changes = new MutationObserver((records) => {
    if (records.some((r) => r.target !== ownHost && !ownHost.contains(r.target))) onLayout();
  });
  changes.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onLayout);
  doc.fonts?.addEventListener('loadingdone', onLayout);
  return () => {
    if (frame) win.cancelAnimationFrame(frame);
    sizes.disconnect();
    changes.disconnect();
    doc.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', onLayout);
    doc.fonts?.removeEventListener('loadingdone', onLayout);
  };
}
