import { useId, useMemo } from 'preact/hooks';
import type { CompareSide, Comparison } from '../../lib/dashboard/compare';
import type { DocumentEntry, DocumentGroup } from '../../lib/dashboard/documents';
import { documentDate } from '../../lib/dashboard/format';
import type { Annotation, Theme } from '../../lib/model';
import { SEVERITY_LEVELS } from '../../lib/taxonomy/severity';
import { AnnotationItem } from './AnnotationItem';
import { ComparisonBars } from './charts/ComparisonBars';
import { themeLabeller } from './AnnotationList';
import { useProgressive } from './progressive';

/** With more documents than this, the choices are filled in just after the first paint (the panel is below the first screen). */
const CHOICES_AT_ONCE = 100;

export interface ComparePanelProps {
  groups: DocumentGroup[];
  first: string;
  second: string;
  onFirst(url: string): void;
  onSecond(url: string): void;
  /** null until two known documents are chosen. */
  comparison: Comparison | null;
  themes: Theme[];
  quoteHref(annotation: Annotation): string | undefined;
}

function DocumentSelect({
  label,
  value,
  groups,
  onChange,
}: {
  label: string;
  value: string;
  groups: DocumentGroup[];
  onChange(url: string): void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose a document</option>
        {groups.map((g) => (
          <optgroup key={g.key} label={g.name}>
            {g.documents.map((d) => (
              <option key={d.url} value={d.url}>
                {[d.title, d.visitType, documentDate(d)].filter(Boolean).join(' — ')}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function SeverityCounts({ side }: { side: CompareSide }) {
  if (side.total === 0) return <p class="empty">Nothing under this theme.</p>;
  return (
    <ul class="severity-counts">
      {SEVERITY_LEVELS.map((s, i) =>
        side.counts[i] ? (
          <li key={s.level}>
            <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}: {side.counts[i]}
          </li>
        ) : null,
      )}
    </ul>
  );
}

/** Two documents side by side, theme by theme: counts per severity and the quotes. */
export function ComparePanel(props: ComparePanelProps) {
  const { comparison: c, groups } = props;
  const id = useId();
  const themeLabel = useMemo(() => themeLabeller(props.themes), [props.themes]);
  const documents = groups.reduce((n, g) => n + g.documents.length, 0);
  const listed = useProgressive(documents, CHOICES_AT_ONCE, documents) >= documents;
  // A chosen document always has its option.
  const choices = listed || props.first || props.second ? groups : [];
  const side = (entry: DocumentEntry, data: CompareSide, key: string) => (
    <div class="compare-side" key={key}>
      <h4>{entry.title}</h4>
      <SeverityCounts side={data} />
      {data.annotations.length > 0 && (
        <ul class="annotations">
          {data.annotations.map((a) => (
            <AnnotationItem
              key={a.id}
              annotation={a}
              document={entry}
              themeLabel={themeLabel}
              href={props.quoteHref(a)}
            />
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section class="compare" aria-labelledby="dashboard-compare">
      <h2 id="dashboard-compare">Compare</h2>
      <div class="compare-choice">
        <DocumentSelect
          label="First document"
          value={props.first}
          groups={choices}
          onChange={props.onFirst}
        />
        <DocumentSelect
          label="Second document"
          value={props.second}
          groups={choices}
          onChange={props.onSecond}
        />
      </div>
      {!c ? (
        <p class="empty">
          Choose two documents to compare them theme by theme (all their annotations, whatever the filter).
        </p>
      ) : (
        <>
          <table class="counts-grid compare-summary">
            <caption>Annotations per theme</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                <th scope="col">{c.first.title}</th>
                <th scope="col">{c.second.title}</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.first.total}</td>
                  <td>{row.second.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All annotations</th>
                <td>{c.first.count}</td>
                <td>{c.second.count}</td>
              </tr>
            </tfoot>
          </table>
          {c.rows.length === 0 && <p class="empty">Neither document has annotations.</p>}
          <ComparisonBars comparison={c} themes={props.themes} />
          {c.rows.map((row, i) => (
            <section class="compare-theme" key={row.key} aria-labelledby={`${id}-${i}`}>
              <h3 id={`${id}-${i}`}>
                {row.color && <span class="swatch" style={{ background: row.color }} aria-hidden="true" />}
                {row.label}
              </h3>
              <div class="compare-sides">
                {side(c.first, row.first, 'first')}
                {side(c.second, row.second, 'second')}
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
