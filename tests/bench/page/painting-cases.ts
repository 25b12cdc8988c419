import { highlightText } from '@apache-annotator/dom';
import { BoxPainter } from '../../../lib/highlight/box-painter';
import { followLayout } from '../../../lib/highlight/follow-layout';
import { HighlightApiPainter } from '../../../lib/highlight/highlight-api-painter';
import type { PaintedRange, Painter } from '../../../lib/highlight/painted-set';
import type { Severity } from '../../../lib/model';
import { longPageRanges, remountLongPage } from './anchoring-cases';
import { median, nextFrame, repeat, type Timing } from './timing';

// Painting the long page's 1,000 passages, following the page as it is resized and as a
// scrolling box that holds it scrolls, and hit-testing a click on one of them: ours on web
// pages (BoxPainter: boxes in a closed shadow root, kept in place by followLayout), the CSS
// Custom Highlight API painter it replaced there (still the PDF viewer's), and wrapping each
// passage in <mark> elements as a DOM-wrapping highlighter does (@apache-annotator/dom's
// highlightText). Times run from the change until the browser has rendered the next frame,
// so the layout and painting each one causes are counted; `callMs` is the paint call alone.

const HIT_CALLS = 20;
const TARGET = 500;
const SCROLL_FRAMES = 120;
const SCROLL_STEP_PX = 150;
/** A frame that took longer than this missed the 60 Hz display's next refresh. */
const SLOW_FRAME_MS = 20;

export type PainterKind = 'boxes' | 'highlight-api';

export interface ScrollResult {
  frames: number;
  /** Frames longer than SLOW_FRAME_MS. */
  slow: number;
  medianMs: number;
  p95Ms: number;
}

export interface PaintResult {
  paint: Timing;
  /**
   * Ours: from the call until every box is drawn (those that may be on screen go in the first
   * frame, the rest in idle time after it) and the frame after that is rendered.
   */
  complete?: Timing;
  callMs: number;
  /** From a change of the page's width until the next frame, highlights in place. */
  resize: Timing;
  scroll: ScrollResult;
  /** ms per hit test. */
  hit: Timing;
  hitFound: boolean;
}

function items(ranges: readonly Range[]): PaintedRange[] {
  return ranges.map((range, i) => ({ id: `a${i}`, severity: (i % 5) as Severity, range }));
}

const longPage = () => document.getElementById('long-page')!;

/** A point in the middle of the first line of a range, scrolled into view. */
async function pointIn(range: Range): Promise<{ x: number; y: number }> {
  (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
  await nextFrame();
  const rect = [...range.getClientRects()].find((r) => r.width > 0)!;
  return { x: rect.left + Math.min(rect.width / 2, 8), y: rect.top + rect.height / 2 };
}

async function hitTiming(test: () => boolean): Promise<{ hit: Timing; hitFound: boolean }> {
  const hitFound = test();
  const hit = await repeat(async () => {
    const started = performance.now();
    for (let i = 0; i < HIT_CALLS; i++) test();
    return (performance.now() - started) / HIT_CALLS;
  });
  return { hit, hitFound };
}

/** Narrows and widens the long page in turn; each change timed until the next frame. */
function resizeTiming(): Promise<Timing> {
  let narrow = false;
  return repeat(async () => {
    narrow = !narrow;
    const started = performance.now();
    longPage().style.width = narrow ? '700px' : '';
    await nextFrame(); // ResizeObserver (followLayout) runs before this frame is painted
    return performance.now() - started;
  });
}

/** Makes the long page a scrolling box and scrolls it a step a frame, timing each frame. */
async function scrollFrames(): Promise<ScrollResult> {
  const box = longPage();
  box.style.cssText = 'height: 600px; overflow: auto;';
  box.scrollTop = 0;
  await nextFrame();
  const frames: number[] = [];
  let last = performance.now();
  for (let i = 0; i < SCROLL_FRAMES; i++) {
    box.scrollTop += SCROLL_STEP_PX;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  box.style.cssText = '';
  await nextFrame();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    slow: frames.filter((ms) => ms > SLOW_FRAME_MS).length,
    medianMs: median(frames),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
  };
}

/** Ours on web pages, or the Highlight API painter, set up as the extension sets each up. */
function makePainter(kind: PainterKind): {
  painter: Painter & { whenDrawn?(): Promise<void> };
  stop(): void;
} {
  if (kind === 'highlight-api') return { painter: new HighlightApiPainter(document), stop: () => undefined };
  const host = document.createElement('bench-annotator-ui');
  document.body.append(host);
  const container = host.attachShadow({ mode: 'closed' }).appendChild(document.createElement('div'));
  const painter = new BoxPainter(container);
  const stopFollowing = followLayout(document, painter, host);
  return {
    painter,
    stop: () => {
      stopFollowing();
      host.remove();
    },
  };
}

export async function paintOurs(kind: PainterKind = 'boxes'): Promise<PaintResult> {
  const painted = items(longPageRanges());
  const { painter, stop } = makePainter(kind);
  const calls: number[] = [];
  const paint = await repeat(async () => {
    painter.clear();
    await nextFrame();
    const started = performance.now();
    painter.paint(painted);
    calls.push(performance.now() - started);
    await nextFrame();
    return performance.now() - started;
  });
  const complete =
    painter.whenDrawn &&
    (await repeat(async () => {
      painter.clear();
      await nextFrame();
      const started = performance.now();
      painter.paint(painted);
      await painter.whenDrawn!();
      await nextFrame();
      return performance.now() - started;
    }));
  const resize = await resizeTiming();
  await painter.whenDrawn?.();
  const scroll = await scrollFrames();
  const point = await pointIn(painted[TARGET]!.range);
  const { hit, hitFound } = await hitTiming(() => painter.hitTest(point.x, point.y)?.id === `a${TARGET}`);
  painter.clear();
  stop();
  return { paint, complete, callMs: median(calls), resize, scroll, hit, hitFound };
}

/** Wraps the passages in <mark> elements; the long page is rebuilt before each run and after. */
export async function paintWithMarks(): Promise<PaintResult> {
  const fresh = async () => {
    const ranges = remountLongPage();
    void document.body.offsetHeight; // lay the fresh page out before timing
    await nextFrame();
    return ranges;
  };
  const calls: number[] = [];
  let ranges: Range[] = [];
  const paint = await repeat(async () => {
    ranges = await fresh();
    const started = performance.now();
    for (const range of ranges) highlightText(range, 'mark');
    calls.push(performance.now() - started);
    await nextFrame();
    return performance.now() - started;
  });
  const resize = await resizeTiming();
  const scroll = await scrollFrames();
  const point = await pointIn(ranges[TARGET]!);
  const { hit, hitFound } = await hitTiming(
    () => document.elementFromPoint(point.x, point.y)?.closest('mark') != null,
  );
  remountLongPage();
  return { paint, callMs: median(calls), resize, scroll, hit, hitFound };
}
