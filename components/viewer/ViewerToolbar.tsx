import { useEffect, useState } from 'preact/hooks';
import { parsePageNumber } from '../../lib/viewer/geometry';
import { PAGE_INPUT_NAME } from '../../lib/viewer/keys';
import { MAX_ZOOM, MIN_ZOOM, percent, ZOOM_STEPS, type Zoom } from '../../lib/viewer/zoom';

export interface ViewerToolbarProps {
  /** The current page, 1-based. */
  page: number;
  pageCount: number;
  zoom: Zoom;
  onPage(page: number): void;
  onPrevious(): void;
  onNext(): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onZoom(choice: 'fit-width' | number): void;
}

const FIT_WIDTH = 'fit-width';

/** Page navigation (previous, number, next) and zoom (out, select, in). */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const { page, pageCount, zoom } = props;
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);

  const go = () => {
    const n = parsePageNumber(typed, pageCount);
    if (n === null) setTyped(String(page));
    else {
      setTyped(String(n));
      props.onPage(n);
    }
  };

  return (
    <div class="viewer-toolbar" role="group" aria-label="Pages and zoom">
      <div class="pager">
        <button type="button" aria-label="Previous page" disabled={page <= 1} onClick={props.onPrevious}>
          <span aria-hidden="true">‹</span>
        </button>
        <input
          type="text"
          inputMode="numeric"
          name={PAGE_INPUT_NAME}
          aria-label="Page number"
          size={3}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go();
            }
          }}
          onBlur={() => setTyped(String(page))}
        />
        <span class="page-count">of {pageCount}</span>
        <button type="button" aria-label="Next page" disabled={page >= pageCount} onClick={props.onNext}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div class="zoom">
        <button
          type="button"
          aria-label="Zoom out"
          disabled={zoom.scale <= MIN_ZOOM}
          onClick={props.onZoomOut}
        >
          <span aria-hidden="true">−</span>
        </button>
        <select
          aria-label="Zoom"
          value={zoom.mode === 'fit-width' ? FIT_WIDTH : String(zoom.scale)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            props.onZoom(value === FIT_WIDTH ? 'fit-width' : Number(value));
          }}
        >
          <option value={FIT_WIDTH}>
            {zoom.mode === 'fit-width' ? `Fit width (${percent(zoom.scale)})` : 'Fit width'}
          </option>
          {ZOOM_STEPS.map((step) => (
            <option key={step} value={String(step)}>
              {percent(step)}
            </option>
          ))}
        </select>
        <button type="button" aria-label="Zoom in" disabled={zoom.scale >= MAX_ZOOM} onClick={props.onZoomIn}>
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </div>
  );
}
