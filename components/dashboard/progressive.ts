import { useEffect, useState } from 'preact/hooks';

// Long lists render what the first screen shows at once and the rest just after the first
// paint, a step at a time in idle time, so that a large database opens as fast as a small one
// and the page stays responsive while the rest fills in. Short lists render whole at once.

type Idle = (callback: () => void) => void;

/** After the next frame is painted, in idle time (within 100 ms), or in a timeout where there is no requestIdleCallback. */
export const afterPaint: Idle = (callback) => {
  const win = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  };
  const idle = () =>
    win.requestIdleCallback ? win.requestIdleCallback(callback, { timeout: 100 }) : setTimeout(callback, 0);
  if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(() => setTimeout(idle, 0));
  else setTimeout(idle, 0);
};

/**
 * How many of `total` items to render now: all of them when there are no more than `first`;
 * otherwise `first` at first, then `step` more after each paint until all are there.
 */
export function useProgressive(total: number, first: number, step: number = first): number {
  const [count, setCount] = useState(() => Math.min(total, first));
  const shown = Math.min(total, Math.max(count, Math.min(total, first)));
  useEffect(() => {
    if (shown >= total) return;
    let live = true;
    afterPaint(() => {
      if (live) setCount((n) => Math.max(n, shown) + step);
    });
    return () => {
      live = false;
    };
  }, [shown, total, step]);
  return shown;
}

/** False for the first render, true once it has been painted: for what lies below the first screen. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    afterPaint(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
