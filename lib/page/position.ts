// Keep in step with .dialog in components/annotation-dialog.css.
const DIALOG_WIDTH = 360;
const DIALOG_MAX_HEIGHT = 480;
const GAP = 8;

/**
 * Where to put the dialog: below the selection's last line, or above its first line when
 * there is more room there, always wholly inside the viewport so every control is reachable.
 */
export function dialogPosition(range: Range, win: Window): { top: number; left: number } {
  const rects = range.getClientRects();
  const first = rects[0] ?? range.getBoundingClientRect();
  const last = rects[rects.length - 1] ?? first;
  const height = Math.min(DIALOG_MAX_HEIGHT, win.innerHeight - 2 * GAP);
  const left = clamp(last.left, GAP, win.innerWidth - DIALOG_WIDTH - GAP);
  const roomBelow = win.innerHeight - last.bottom;
  const top =
    roomBelow >= height + 2 * GAP || roomBelow >= first.top ? last.bottom + GAP : first.top - GAP - height;
  return { top: clamp(top, GAP, win.innerHeight - height - GAP), left };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
