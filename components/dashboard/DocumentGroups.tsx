import type { DocumentEntry, DocumentGroup } from '../../lib/dashboard/documents';
import { documentDate } from '../../lib/dashboard/format';
import { countLabel } from '../text';
import { useProgressive } from './progressive';

/** Documents listed at once (more than a screen's height); the rest follow after the first paint, this many at a time. */
export const FIRST_DOCUMENTS = 40;
const MORE_DOCUMENTS = 120;

export interface DocumentGroupsProps {
  groups: DocumentGroup[];
  /** Documents in the filter (their checkboxes are ticked). */
  chosen: ReadonlySet<string>;
  onToggleDocument(url: string): void;
  /** Ticks or unticks every document of a group. */
  onToggleGroup(key: string): void;
  /** Where a document opens; undefined when it cannot (a PDF from this computer). */
  hrefFor(entry: DocumentEntry): string | undefined;
}

/** The annotated documents by local authority (or site), each with a checkbox to filter by it and a link. */
export function DocumentGroups({
  groups,
  chosen,
  onToggleDocument,
  onToggleGroup,
  hrefFor,
}: DocumentGroupsProps) {
  const total = groups.reduce((n, g) => n + g.documents.length, 0);
  const shown = useProgressive(total, FIRST_DOCUMENTS, MORE_DOCUMENTS);
  // Whole groups, as long as the documents before each are fewer than `shown`.
  let upTo = 0;
  for (let before = 0; upTo < groups.length && before < shown; upTo++)
    before += groups[upTo]!.documents.length;
  return (
    <section class="doc-groups" aria-labelledby="dashboard-documents">
      <h2 id="dashboard-documents">Documents</h2>
      {groups.length === 0 ? (
        <p class="empty">No annotated documents yet.</p>
      ) : (
        groups
          .slice(0, upTo)
          .map((group) => (
            <Group
              key={group.key}
              group={group}
              chosen={chosen}
              onToggleDocument={onToggleDocument}
              onToggleGroup={onToggleGroup}
              hrefFor={hrefFor}
            />
          ))
      )}
    </section>
  );
}

function Group({
  group,
  chosen,
  onToggleDocument,
  onToggleGroup,
  hrefFor,
}: Omit<DocumentGroupsProps, 'groups'> & { group: DocumentGroup }) {
  const ticked = group.documents.filter((d) => chosen.has(d.url)).length;
  const all = ticked > 0 && ticked === group.documents.length;
  const some = ticked > 0 && !all;
  return (
    <div class="doc-group" role="group" aria-label={group.name}>
      <h3>
        <label>
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = some;
            }}
            onChange={() => onToggleGroup(group.key)}
          />
          <span>{group.name}</span>
        </label>
        <span class="count">{countLabel(group.count)}</span>
      </h3>
      <ul>
        {group.documents.map((entry) => {
          const href = hrefFor(entry);
          const date = documentDate(entry);
          return (
            <li key={entry.url}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(entry.url)}
                  onChange={() => onToggleDocument(entry.url)}
                />
                <span class="doc-title">{entry.title}</span>
              </label>
              <span class="doc-meta">
                {[entry.visitType, date, countLabel(entry.count)].filter(Boolean).join(' · ')}
              </span>
              {href ? (
                <a
                  class="doc-link"
                  href={href}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={`Open ${entry.title}`}
                >
                  Open
                </a>
              ) : (
                <span class="doc-link">On this computer</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
