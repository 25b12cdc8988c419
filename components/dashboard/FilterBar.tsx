import type { DashboardFilter, DateField } from '../../lib/dashboard/filter';
import { MINE, NO_THEME } from '../../lib/dashboard/filter';
import type { Person, Severity, Theme } from '../../lib/model';
import { SEVERITY_LEVELS } from '../../lib/taxonomy/severity';

export interface FilterBarProps {
  filter: DashboardFilter;
  /** Every theme, retired ones too, in picker order. */
  themes: Theme[];
  /** Host names to choose from. */
  sites: string[];
  /** Team space members who wrote annotations here. */
  authors: Person[];
  /** The user in the connected team space, if any. */
  me: Person | null;
  /** Whether any filter is set (enables "Clear filters"). */
  filtering: boolean;
  onChange(changes: Partial<DashboardFilter>): void;
  onClear(): void;
}

const DATE_FIELDS: ReadonlyArray<[DateField, string]> = [
  ['annotated', 'Day annotated'],
  ['inspected', 'Inspection dates (reports only)'],
];

function chosenValues(select: HTMLSelectElement): string[] {
  return [...select.options].filter((o) => o.selected).map((o) => o.value);
}

/** Search, themes, severities, site and dates; all must match, any value within each. */
export function FilterBar({
  filter,
  themes,
  sites,
  authors,
  me,
  filtering,
  onChange,
  onClear,
}: FilterBarProps) {
  const colleagues = authors.filter((a) => a.user !== me?.user);
  const toggleSeverity = (level: Severity) =>
    onChange({
      severities: filter.severities.includes(level)
        ? filter.severities.filter((s) => s !== level)
        : [...filter.severities, level],
    });
  return (
    <section class="filter-bar" aria-labelledby="dashboard-filter">
      <h2 id="dashboard-filter">Filter</h2>
      <div class="filter-fields">
        <label class="field search-field">
          <span>Search</span>
          <input
            type="search"
            aria-label="Search quotes and notes"
            placeholder="Search quotes and notes"
            value={filter.text}
            onInput={(e) => onChange({ text: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Themes (any of)</span>
          <select multiple size={6} onChange={(e) => onChange({ themes: chosenValues(e.currentTarget) })}>
            {themes.map((t) => (
              <option key={t.id} value={t.id} selected={filter.themes.includes(t.id)}>
                {t.retired ? `${t.label} (retired)` : t.label}
              </option>
            ))}
            <option value={NO_THEME} selected={filter.themes.includes(NO_THEME)}>
              No theme
            </option>
          </select>
        </label>
        <fieldset class="field severities">
          <legend>Severity (any of)</legend>
          {SEVERITY_LEVELS.map((s) => (
            <label key={s.level}>
              <input
                type="checkbox"
                checked={filter.severities.includes(s.level)}
                onChange={() => toggleSeverity(s.level)}
              />
              <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>Site</span>
          <select
            value={filter.sites[0] ?? ''}
            onChange={(e) => {
              const site = e.currentTarget.value;
              onChange({ sites: site ? [site] : [] });
            }}
          >
            <option value="">All sites</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        {(me || authors.length > 0) && (
          <label class="field">
            <span>Author</span>
            <select
              value={filter.authors[0] ?? ''}
              onChange={(e) => {
                const author = e.currentTarget.value;
                onChange({ authors: author ? [author] : [] });
              }}
            >
              <option value="">Everyone</option>
              <option value={MINE}>Mine</option>
              {colleagues.map((a) => (
                <option key={a.user} value={a.user}>
                  {a.name || a.user}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset class="field dates">
          <legend>Dates</legend>
          <label>
            <span>Date of</span>
            <select
              value={filter.dateField}
              onChange={(e) => onChange({ dateField: e.currentTarget.value as DateField })}
            >
              {DATE_FIELDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>From</span>
            <input
              type="date"
              value={filter.from}
              max={filter.to || undefined}
              onInput={(e) => onChange({ from: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>To</span>
            <input
              type="date"
              value={filter.to}
              min={filter.from || undefined}
              onInput={(e) => onChange({ to: e.currentTarget.value })}
            />
          </label>
        </fieldset>
      </div>
      <button type="button" onClick={onClear} disabled={!filtering}>
        Clear filters
      </button>
    </section>
  );
}
