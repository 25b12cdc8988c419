import type { Annotation } from '../model';

/** One line of the viewer's side list. */
export interface AnnotationListItem {
  annotation: Annotation;
  /** Not found in this document: nothing to scroll to. */
  orphan: boolean;
  /** Where it stands, from its saved citation, else from where it was found. */
  page?: number;
  pageEnd?: number;
  paragraph?: number;
}

interface ListDeps {
  /** The painted range of an annotation found in the document. */
  rangeOf(id: string): Range | undefined;
  /** The page a range starts on, for annotations saved without a citation. */
  pageOf(range: Range): number | undefined;
}

/**
 * The side list: annotations found in the document in reading order (by where they are
 * painted), then those not found, by their saved page and then age.
 */
export function listItems(
  annotations: readonly Annotation[],
  orphanIds: ReadonlySet<string>,
  { rangeOf, pageOf }: ListDeps,
): AnnotationListItem[] {
  const found: Array<AnnotationListItem & { range: Range }> = [];
  const lost: AnnotationListItem[] = [];
  for (const annotation of annotations) {
    const range = orphanIds.has(annotation.id) ? undefined : rangeOf(annotation.id);
    const { citation } = annotation;
    const item: AnnotationListItem = {
      annotation,
      orphan: !range,
      ...(citation?.pageEnd !== undefined && { pageEnd: citation.pageEnd }),
      ...(citation?.paragraph !== undefined && { paragraph: citation.paragraph }),
    };
    const page = citation?.page ?? (range && pageOf(range));
    if (page !== undefined) item.page = page;
    if (range) found.push({ ...item, range });
    else lost.push(item);
  }
  found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  lost.sort(
    (a, b) =>
      (a.page ?? Infinity) - (b.page ?? Infinity) ||
      a.annotation.createdAt.localeCompare(b.annotation.createdAt),
  );
  return [...found.map(({ range: _range, ...item }) => item), ...lost];
}
