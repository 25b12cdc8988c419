// Makes mouse selection over the text layers behave as in Firefox's PDF viewer. Adapted from
// pdf.js's web/text_layer_builder.js (Apache-2.0, Mozilla): each text layer ends with an
// "endOfContent" block; while the user selects, it is moved just after the selection's moving
// end and stretched over the layer, so dragging over the gaps between the absolutely
// positioned spans extends the selection to the nearest text instead of jumping to the
// page's start or end.

const SELECTING = 'selecting';

/**
 * Adds the end-of-content block to a built text layer and keeps it in step with the selection.
 * Returns a function that undoes it all.
 */
export function trackTextSelection(doc: Document = document) {
  const layers = new Map<HTMLElement, HTMLElement>();
  const win = doc.defaultView!;
  const controller = new AbortController();
  const { signal } = controller;

  const reset = (end: HTMLElement, layer: HTMLElement) => {
    layer.append(end);
    end.style.width = '';
    end.style.height = '';
    end.style.userSelect = '';
    layer.classList.remove(SELECTING);
  };
  const resetAll = () => layers.forEach(reset);

  let pointerDown = false;
  let previous: Range | null = null;
  doc.addEventListener('pointerdown', () => (pointerDown = true), { signal });
  doc.addEventListener('pointerup', () => ((pointerDown = false), resetAll()), { signal });
  win.addEventListener('blur', () => ((pointerDown = false), resetAll()), { signal });
  doc.addEventListener('keyup', () => !pointerDown && resetAll(), { signal });
  doc.addEventListener(
    'selectionchange',
    () => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return resetAll();
      const range = selection.getRangeAt(0);
      for (const [layer, end] of layers) {
        if (range.intersectsNode(layer)) layer.classList.add(SELECTING);
        else reset(end, layer);
      }
      // Which end of the selection moves: the start when the end stayed where it was.
      const modifyStart =
        previous !== null &&
        (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 ||
          range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      let anchor: Node = modifyStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode!;
      if (!modifyStart && range.endOffset === 0) {
        // The end lies before the first character of `anchor`: stand after the text before it.
        do {
          while (!anchor.previousSibling) {
            if (!anchor.parentNode) return;
            anchor = anchor.parentNode;
          }
          anchor = anchor.previousSibling;
        } while (!anchor.childNodes.length);
      }
      const layer = (anchor.parentElement?.closest('.textLayer') ?? null) as HTMLElement | null;
      const end = layer && layers.get(layer);
      if (layer && end && anchor.parentElement) {
        end.style.width = layer.style.width;
        end.style.height = layer.style.height;
        end.style.userSelect = 'text';
        anchor.parentElement.insertBefore(end, modifyStart ? anchor : anchor.nextSibling);
      }
      previous = range.cloneRange();
    },
    { signal },
  );

  return {
    /** Call once a text layer's spans are in place. */
    add(layer: HTMLElement): void {
      const end = doc.createElement('div');
      end.className = 'endOfContent';
      layer.append(end);
      layer.addEventListener('mousedown', () => layer.classList.add(SELECTING), { signal });
      layers.set(layer, end);
    },
    remove(layer: HTMLElement): void {
      layers.get(layer)?.remove();
      layers.delete(layer);
    },
    stop(): void {
      controller.abort();
      for (const end of layers.values()) end.remove();
      layers.clear();
    },
  };
}

export type TextSelectionTracker = ReturnType<typeof trackTextSelection>;
