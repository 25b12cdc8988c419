import { highlightText } from '@apache-annotator/dom';
import { HighlightApiPainter } from '../../../lib/highlight/highlight-api-painter';
import type { PaintedRange } from '../../../lib/highlight/painted-set';
import type { Severity } from '../../../lib/model';
import { longPageRanges, remountLongPage } from './anchoring-cases';
import { median, nextFrame, repeat, type Timing } from './timing';

// Painting the long page's 1,000 passages, and hit-testing a click on one of them: ours with
// the CSS Custom Highlight API (Painter), against wrapping each passage in <mark> elements as a
// DOM-wrapping highlighter does (@apache-annotator/dom's highlightText). Paint times run from
// the call until the browser has rendered the next frame, so the relayout that <mark>
// elements cause is counted; `callMs` is the call alone.

const HIT_CALLS = 20;
const TARGET = 500;

export interface PaintResult {
  paint: Timing;
  callMs: number;
  /** ms per hit test. */
  hit: Timing;
  hitFound: boolean;
}

function items(ranges: readonly Range[]): PaintedRange[] {
  return ranges.map((range, i) => ({ id: `a${i}`, severity: (i % 5) as Severity, range }));
}

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

export async function paintOurs(): Promise<PaintResult> {
  const painted = items(longPageRanges());
  const painter = new HighlightApiPainter(document);
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
  const point = await pointIn(painted[TARGET]!.range);
  const { hit, hitFound } = await hitTiming(() => painter.hitTest(point.x, point.y)?.id === `a${TARGET}`);
  painter.clear();
  return { paint, callMs: median(calls), hit, hitFound };
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
  const point = await pointIn(ranges[TARGET]!);
  const { hit, hitFound } = await hitTiming(
    () => document.elementFromPoint(point.x, point.y)?.closest('mark') != null,
  );
  remountLongPage();
  return { paint, callMs: median(calls), hit, hitFound };
}
