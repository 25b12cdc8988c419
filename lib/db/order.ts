import type { Annotation, TextPositionSelector } from '../model';

/** Where the annotation starts in its document's text, if it has a TextPositionSelector. */
export function startOf(annotation: Annotation): number | undefined {
  return annotation.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')
    ?.start;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reading order within one document: annotations with a position by their start, then those
 * without one; ties (and position-less annotations) by creation time, then id.
 */
export function byPosition(a: Annotation, b: Annotation): number {
  const startA = startOf(a);
  const startB = startOf(b);
  if (startA !== startB) {
    if (startA === undefined) return 1;
    if (startB === undefined) return -1;
    return startA - startB;
  }
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}
