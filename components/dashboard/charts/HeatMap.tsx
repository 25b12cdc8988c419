import { Component } from 'preact';
import { useMemo } from 'preact/hooks';
import { cellName, cellShapes, heatMap, type HeatCell } from '../../../lib/charts/heat-map';
import type { Scope, SeverityTable as Table } from '../../../lib/dashboard/table';
import type { Severity } from '../../../lib/model';
import { SeverityTable, tableCaption } from '../SeverityTable';
import { ChartFigure } from './ChartFigure';
import { Shapes, SVG_FONT } from './Shapes';

export interface HeatMapProps {
  table: Table;
  scope: Scope;
  /** Narrows the dashboard to one theme and severity (the rest of the filter stays). */
  onFilter(theme: string, severity: Severity): void;
}

/**
 * Themes by severity as a heat map: a count in every cell, each cell a button filtering to it.
 * Drawn again only when the table or scope changes (not at each "Show more" or selection).
 */
export class HeatMap extends Component<HeatMapProps> {
  // Not preact/compat's memo: importing compat changes how every <select> and input behaves.
  override shouldComponentUpdate(next: HeatMapProps): boolean {
    return next.table !== this.props.table || next.scope !== this.props.scope;
  }

  override render() {
    return <HeatMapPicture {...this.props} />;
  }
}

function HeatMapPicture({ table, scope, onFilter }: HeatMapProps) {
  const caption = tableCaption(scope, table.total);
  const map = useMemo(() => heatMap(table, caption), [table, caption]);
  if (table.total === 0) return <SeverityTable table={table} scope={scope} />;
  const { chart, cells } = map;
  return (
    <section class="heat-map">
      <ChartFigure caption={caption} heading table={<SeverityTable table={table} scope={scope} />}>
        <svg
          viewBox={`0 0 ${chart.width} ${chart.height}`}
          style={{ maxWidth: `${chart.width}px` }}
          role="group"
          aria-label={chart.title}
          font-family={SVG_FONT}
        >
          <Shapes shapes={chart.shapes} />
          {cells.map((cell) => (
            <Cell key={`${cell.theme}:${cell.level}`} cell={cell} onFilter={onFilter} />
          ))}
        </svg>
        <p class="hint">Choose a cell to list its annotations.</p>
      </ChartFigure>
    </section>
  );
}

function Cell({ cell, onFilter }: { cell: HeatCell; onFilter: HeatMapProps['onFilter'] }) {
  const shapes = cellShapes(cell);
  if (!cell.filterable)
    return (
      <g role="img" aria-label={cellName(cell)}>
        <Shapes shapes={shapes} />
      </g>
    );
  const choose = () => onFilter(cell.theme, cell.level);
  return (
    <g
      class="heat-cell"
      role="button"
      tabindex={0}
      aria-label={`${cellName(cell)}. Filter to these`}
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          choose();
        }
      }}
    >
      <Shapes shapes={shapes} />
    </g>
  );
}
