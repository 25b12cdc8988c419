import type { Annotation, Theme } from '../lib/model';
import { quoteShown } from '../lib/quote-shown';
import { SEVERITY_LEVELS, severityLabel } from '../lib/taxonomy/severity';
import { byLine, excerpt } from './text';

/** Theme labels for an annotation's theme ids; an unknown id shows as itself. */
export function themeLabels(ids: readonly string[], themes: readonly Theme[]): string[] {
  return ids.map((id) => themes.find((t) => t.id === id)?.label ?? id);
}

interface AnnotationSnippetProps {
  annotation: Annotation;
  themes: Theme[];
  /** Also show an excerpt of the note. */
  showNote?: boolean;
}

/** Quote excerpt, severity (label and colour) and theme labels, as text. */
export function AnnotationSnippet({ annotation, themes, showNote }: AnnotationSnippetProps) {
  const color = SEVERITY_LEVELS.find((s) => s.level === annotation.severity)?.color;
  const labels = themeLabels(annotation.themes, themes);
  return (
    <span class="snippet">
      <span class="quote">“{excerpt(quoteShown(annotation), 120)}”</span>
      {showNote && annotation.note && <span class="note">{excerpt(annotation.note, 120)}</span>}
      <span class="meta">
        <span class="severity">
          <span class="swatch" style={{ background: color }} aria-hidden="true" />
          {severityLabel(annotation.severity)}
        </span>
        {labels.length > 0 && <span class="theme-labels"> · {labels.join('; ')}</span>}
        {annotation.author && <span class="author"> · {byLine(annotation)}</span>}
      </span>
    </span>
  );
}
