/** The zoom: a fixed scale (1 = 100%), or the page's width fitted to the window. */
export type Zoom = { mode: 'scale'; scale: number } | { mode: 'fit-width'; scale: number };

/** The zoom steps of the buttons and the select, 50% to 300%. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

export const clampZoom = (scale: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));

/** The next step above the scale (a fitted 137% goes to 150%). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 0.001) ?? MAX_ZOOM;
}

/** The next step below the scale. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? MIN_ZOOM;
}

/** "125%". */
export const percent = (scale: number) => `${Math.round(scale * 100)}%`;

/** Space kept on either side of the pages, in CSS pixels. */
export const PAGE_MARGIN = 16;

/**
 * The scale at which a page `pageWidth` CSS pixels wide at 100% fills `available` pixels,
 * less the margins; within 50%–300%.
 */
export function fitWidthScale(available: number, pageWidth: number): number {
  if (!(pageWidth > 0) || !(available > 0)) return 1;
  return clampZoom(Math.floor(((available - 2 * PAGE_MARGIN) / pageWidth) * 100) / 100);
}
