/** A page's box in the scrolling element: top and height in CSS pixels. */
export interface PageBox {
  top: number;
  height: number;
}

/**
 * The 1-based number of the page that shows most within the view [viewTop, viewTop +
 * viewHeight), the first of equals; 1 when there are no pages.
 */
export function mostVisiblePage(boxes: readonly PageBox[], viewTop: number, viewHeight: number): number {
  let best = 0;
  let bestShown = -1;
  const viewBottom = viewTop + viewHeight;
  for (let i = 0; i < boxes.length; i++) {
    const { top, height } = boxes[i]!;
    if (top >= viewBottom) break; // pages are in order, top to bottom
    const shown = Math.min(top + height, viewBottom) - Math.max(top, viewTop);
    if (shown > bestShown + 0.5) {
      best = i;
      bestShown = shown;
    }
  }
  return best + 1;
}

/** Largest canvas, in device pixels, that a page is rendered to (as pdf.js's own viewer caps it). */
export const MAX_CANVAS_PIXELS = 2 ** 24;

/**
 * Device pixels per CSS pixel for a page's canvas: the screen's ratio, lowered if need be so the
 * canvas stays under `maxPixels`.
 */
export function outputRatio(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  maxPixels = MAX_CANVAS_PIXELS,
): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const area = cssWidth * cssHeight * ratio * ratio;
  return area <= maxPixels ? ratio : Math.sqrt(maxPixels / (cssWidth * cssHeight));
}

/** A page number typed by the user, brought within 1…count; null when it is not a number. */
export function parsePageNumber(text: string, count: number): number | null {
  if (!/^\s*\d+\s*$/.test(text) || count < 1) return null;
  return Math.min(count, Math.max(1, Number(text)));
}
