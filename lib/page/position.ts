const DIALOG_WIDTH = 360;
const GAP = 8;

/** Where to put the dialog: below the selection's last line, kept inside the viewport. */
export function dialogPosition(range: Range, win: Window): { top: number; left: number } {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const left = Math.min(Math.max(GAP, last.left), Math.max(GAP, win.innerWidth - DIALOG_WIDTH - GAP));
  const below = last.bottom + GAP;
  // Near the bottom of the window, open above the selection instead.
  const top = below > win.innerHeight * 0.6 ? Math.max(GAP, range.getBoundingClientRect().top - GAP - 320) : below;
  return { top, left };
}
