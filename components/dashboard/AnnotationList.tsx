import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { DocumentEntry } from '../../lib/dashboard/documents';
import type { Annotation, Theme } from '../../lib/model';
import { AnnotationItem, type ThemeLabel } from './AnnotationItem';
import { useAfterFirstPaint } from './progressive';

/**
 * Annotations rendered with the rest of the page when it opens; the others of the page shown
 * follow just after the first paint (the list starts well below the first screen).
 */
export const FIRST_ITEMS = 20;

export interface AnnotationListProps {
  /** The annotations to show now (the first of the filtered ones). */
  annotations: Annotation[];
  /** How many annotations the filter lets through. */
  total: number;
  themes: Theme[];
  documents: ReadonlyMap<string, DocumentEntry>;
  selected: ReadonlySet<string>;
  /** How many selected annotations still exist (some may be hidden by the filter). */
  selectedCount: number;
  onToggle(id: string): void;
  onSelectAll(): void;
  onClearSelection(): void;
  onShowMore(): void;
  quoteHref(annotation: Annotation): string | undefined;
}

export function themeLabeller(themes: readonly Theme[]): ThemeLabel {
  const labels = new Map(themes.map((t) => [t.id, t.label]));
  return (id) => labels.get(id) ?? id;
}

const number = new Intl.NumberFormat('en-GB');

/** The filtered annotations, a page at a time, each with a checkbox to select it. */
export function AnnotationList(props: AnnotationListProps) {
  const { annotations, total, themes, documents, selected, selectedCount } = props;
  const themeLabel = useMemo(() => themeLabeller(themes), [themes]);
  const list = useRef<HTMLUListElement>(null);
  /** After "Show more", the first newly shown annotation takes the focus (the button may be gone). */
  const focusFrom = useRef<number | null>(null);
  const painted = useAfterFirstPaint();
  const rendered = painted ? annotations : annotations.slice(0, FIRST_ITEMS);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || rendered.length <= from) return;
    focusFrom.current = null;
    list.current
      ?.querySelectorAll<HTMLElement>('li.annotation')
      [from]?.querySelector<HTMLElement>('input')
      ?.focus();
  }, [rendered]);
  return (
    <section class="annotation-list" aria-labelledby="dashboard-annotations">
      <h2 id="dashboard-annotations">Annotations</h2>
      <div class="list-tools">
        <p class="showing">
          {total === 0
            ? 'No annotations match the filter.'
            : `Showing ${number.format(annotations.length)} of ${number.format(total)} ${total === 1 ? 'annotation' : 'annotations'}.`}
        </p>
        <p class="selection">
          {selectedCount > 0 ? `${number.format(selectedCount)} selected.` : 'None selected.'}
        </p>
        <button type="button" onClick={props.onSelectAll} disabled={total === 0}>
          Select all {number.format(total)}
        </button>
        <button type="button" onClick={props.onClearSelection} disabled={selectedCount === 0}>
          Clear selection
        </button>
      </div>
      {annotations.length > 0 && (
        <ul class="annotations" ref={list}>
          {rendered.map((a) => (
            <AnnotationItem
              key={a.id}
              annotation={a}
              document={documents.get(a.url)}
              themeLabel={themeLabel}
              href={props.quoteHref(a)}
              selected={selected.has(a.id)}
              onToggle={props.onToggle}
            />
          ))}
        </ul>
      )}
      {annotations.length < total && (
        <button
          type="button"
          class="show-more"
          onClick={() => {
            focusFrom.current = annotations.length;
            props.onShowMore();
          }}
        >
          Show more
        </button>
      )}
    </section>
  );
}
