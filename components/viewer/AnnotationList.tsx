import type { Theme } from '../../lib/model';
import type { AnnotationListItem } from '../../lib/viewer/annotation-list';
import { AnnotationSnippet } from '../AnnotationSnippet';
import { countLabel } from '../text';

export interface AnnotationListProps {
  items: AnnotationListItem[];
  themes: Theme[];
  /** Scrolls to an annotation found in the document and flashes it. */
  onReveal(id: string): void;
  /** False while the pages' text is still being read: annotations are not known yet. */
  ready: boolean;
}

/** "Page 3", "Pages 3–4, paragraph 12", "Paragraph 12"; empty when nothing is known. */
export function placeLabel(item: Pick<AnnotationListItem, 'page' | 'pageEnd' | 'paragraph'>): string {
  const parts: string[] = [];
  if (item.page !== undefined) {
    parts.push(
      item.pageEnd !== undefined && item.pageEnd !== item.page
        ? `Pages ${item.page}–${item.pageEnd}`
        : `Page ${item.page}`,
    );
  }
  if (item.paragraph !== undefined)
    parts.push(`${parts.length ? 'paragraph' : 'Paragraph'} ${item.paragraph}`);
  return parts.join(', ');
}

/** This document's annotations in reading order; those not found are marked and not clickable. */
export function AnnotationList({ items, themes, onReveal, ready }: AnnotationListProps) {
  return (
    <section class="annotation-list" aria-labelledby="annotation-list-heading">
      <h2 id="annotation-list-heading">{ready ? `${countLabel(items.length)}` : 'Annotations'}</h2>
      {!ready && <p class="hint">Annotations appear once the report is read.</p>}
      {ready && items.length === 0 && (
        <p class="hint">None yet. Select a passage in the report to annotate it.</p>
      )}
      {items.length > 0 && (
        <ul>
          {items.map((item) => {
            const place = placeLabel(item);
            const body = (
              <>
                {place && <span class="place">{place}</span>}
                <AnnotationSnippet annotation={item.annotation} themes={themes} />
                {item.orphan && <span class="orphan-note">Not found in this document</span>}
              </>
            );
            return (
              <li key={item.annotation.id} class={item.orphan ? 'orphan' : undefined}>
                {item.orphan ? (
                  <div class="item">{body}</div>
                ) : (
                  <button type="button" class="item" onClick={() => onReveal(item.annotation.id)}>
                    {body}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
