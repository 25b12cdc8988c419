import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

export interface ChartFigureProps {
  /** What the picture shows; its figcaption (a heading when `heading` is set). */
  caption: ComponentChildren;
  heading?: boolean;
  /** The picture (an <svg>). */
  children: ComponentChildren;
  /** The table the picture draws: always there for screen readers, shown on demand for everyone else. */
  table: ComponentChildren;
  class?: string;
}

/**
 * A picture with its caption and, as its text alternative, the table it draws. The table is
 * in the page for screen readers and prints when shown; "Show as table" shows it on screen.
 */
export function ChartFigure({ caption, heading, children, table, class: className }: ChartFigureProps) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <figure class={`chart${className ? ` ${className}` : ''}`}>
      <figcaption id={`${id}-caption`}>{heading ? <h2>{caption}</h2> : caption}</figcaption>
      <div class="chart-picture">{children}</div>
      <button
        type="button"
        class="chart-toggle"
        aria-expanded={shown}
        aria-controls={`${id}-table`}
        onClick={() => setShown(!shown)}
      >
        {shown ? 'Hide the table' : 'Show as table'}
      </button>
      {/* Once shown, the table scrolls sideways by itself on a narrow screen: focusable for the keyboard. */}
      <div
        id={`${id}-table`}
        class={shown ? 'chart-table' : 'chart-table visually-hidden'}
        {...(shown && { tabIndex: 0, role: 'region', 'aria-labelledby': `${id}-caption` })}
      >
        {table}
      </div>
    </figure>
  );
}
