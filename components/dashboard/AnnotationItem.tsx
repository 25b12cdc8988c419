import type { DocumentEntry } from '../../lib/dashboard/documents';
import { citationText } from '../../lib/dashboard/format';
import type { Annotation } from '../../lib/model';
import { quoteShown } from '../../lib/quote-shown';
import { SEVERITY_LEVELS, severityLabel } from '../../lib/taxonomy/severity';
import { byLine, excerpt } from '../text';

const severityColor = new Map(SEVERITY_LEVELS.map((s) => [s.level as number, s.color]));

/** A theme's label by id; an unknown id stands for itself. */
export type ThemeLabel = (id: string) => string;

export interface AnnotationItemProps {
  annotation: Annotation;
  document: DocumentEntry | undefined;
  themeLabel: ThemeLabel;
  /** Opens the document at the quote; undefined when it cannot. */
  href: string | undefined;
  /** With onToggle, a checkbox to select the annotation. */
  selected?: boolean;
  onToggle?(id: string): void;
}

/** One annotation: quote, citation, severity and themes, note, and its document linking to the quote. */
export function AnnotationItem({
  annotation: a,
  document,
  themeLabel,
  href,
  selected,
  onToggle,
}: AnnotationItemProps) {
  const title = document?.title ?? a.url;
  return (
    <li class="annotation">
      {onToggle && (
        <input
          type="checkbox"
          class="select"
          checked={selected}
          aria-label={`Select “${excerpt(quoteShown(a), 60)}”`}
          onChange={() => onToggle(a.id)}
        />
      )}
      <div class="annotation-body">
        <blockquote class="quote">{quoteShown(a)}</blockquote>
        <p class="meta">
          <span class="severity">
            <span class="swatch" style={{ background: severityColor.get(a.severity) }} aria-hidden="true" />
            {severityLabel(a.severity)}
          </span>
          {a.themes.length > 0 && <span class="themes"> · {a.themes.map(themeLabel).join('; ')}</span>}
          {a.author && <span class="author"> · {byLine(a)}</span>}
        </p>
        {a.citation && <p class="citation">{citationText(a.citation)}</p>}
        {a.note && (
          <p class="note">
            <span class="label">Note: </span>
            {a.note}
          </p>
        )}
        {a.alsoEdited?.map((other) => (
          <p class="note also-edited" key={other.at + other.by.user}>
            <span class="label">Also edited by {other.by.name || other.by.user}: </span>
            {other.note}
          </p>
        ))}
        <p class="source">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            <span>{title}</span>
          )}
        </p>
      </div>
    </li>
  );
}
