import { useMemo } from 'preact/hooks';
import { isFiltering } from '../../lib/dashboard/filter';
import type { DashboardModel } from '../../lib/dashboard/model';
import { AnnotationList } from './AnnotationList';
import { ComparePanel } from './ComparePanel';
import { DocumentGroups } from './DocumentGroups';
import { ExportBar } from './ExportBar';
import { FilterBar } from './FilterBar';
import { ImportBox } from './ImportBox';
import { HeatMap } from './charts/HeatMap';
import { VisitsOverTimeSection } from './VisitsOverTime';

export interface DashboardProps {
  model: DashboardModel;
  /** Why the database could not be read, if it could not. */
  loadError?: string | null;
}

/** The dashboard page: documents, filter, counts, annotations, comparison, export and import. */
export function Dashboard({ model, loadError }: DashboardProps) {
  const index = model.index.value;
  const filter = model.filter.value;
  const filtering = isFiltering(filter);
  const chosen = useMemo(() => new Set(filter.documents), [filter.documents]);
  const target = model.exportTarget.value;
  const empty = model.loaded.value && index.ordered.length === 0;

  return (
    <div class="dashboard">
      <header class="dashboard-header">
        <h1>Ofsted Annotator dashboard</h1>
        <ImportBox onImport={model.importFile} />
      </header>
      {loadError && (
        <p class="error" role="alert">
          Could not read the annotations: {loadError}
        </p>
      )}
      {!model.loaded.value ? (
        !loadError && <p class="loading">Loading annotations…</p>
      ) : empty ? (
        <p class="empty intro">
          No annotations yet. Select a passage on a report or a news page to annotate it, or import a file of
          annotations above.
        </p>
      ) : (
        <div class="dashboard-layout">
          <aside class="dashboard-side">
            <DocumentGroups
              groups={index.groups}
              chosen={chosen}
              onToggleDocument={model.toggleDocument}
              onToggleGroup={model.toggleGroup}
              hrefFor={model.documentHref}
            />
          </aside>
          <main class="dashboard-main">
            <FilterBar
              filter={filter}
              themes={model.themes.value}
              sites={index.sites}
              authors={index.authors}
              me={model.me.value}
              filtering={filtering}
              onChange={model.setFilter}
              onClear={model.clearFilters}
            />
            <ExportBar
              count={target.annotations.length}
              selection={target.selection}
              filtering={filtering}
              onExport={model.exportAs}
              onCopy={model.copySelected}
              namesInBriefings={index.authors.length > 0 ? model.namesInBriefings.value : undefined}
              onNamesInBriefings={(names) => (model.namesInBriefings.value = names)}
            />
            <HeatMap
              table={model.table.value}
              scope={model.scope.value}
              onFilter={(theme, severity) => model.setFilter({ themes: [theme], severities: [severity] })}
            />
            <VisitsOverTimeSection
              index={index}
              preferred={model.scope.value.kind === 'authority' ? model.scope.value.label : undefined}
            />
            <AnnotationList
              annotations={model.visible.value}
              total={model.filtered.value.length}
              themes={model.themes.value}
              documents={index.documents}
              selected={model.selected.value}
              selectedCount={model.selectedAnnotations.value.length}
              onToggle={model.toggleSelected}
              onSelectAll={model.selectAllFiltered}
              onClearSelection={model.clearSelection}
              onShowMore={model.showMore}
              quoteHref={model.quoteHref}
            />
            <ComparePanel
              groups={index.groups}
              first={model.compareFirst.value}
              second={model.compareSecond.value}
              onFirst={(url) => (model.compareFirst.value = url)}
              onSecond={(url) => (model.compareSecond.value = url)}
              comparison={model.comparison.value}
              themes={model.themes.value}
              quoteHref={model.quoteHref}
            />
          </main>
        </div>
      )}
    </div>
  );
}
