// The dashboard's pictures, as data (for the Preact components) and as standalone SVG (for
// the briefing exports). Plain SVG, no charting library: see README "Dashboard pictures".

export { heatMap, heatMapSvg, cellName, cellShapes, type HeatCell, type HeatMap } from './heat-map';
export { visitsChart, visitsSvg } from './visits-chart';
export { comparisonChart, comparisonSvg, pairDocuments } from './comparison-chart';
export { toSvgString } from './svg-string';
export type { Chart, Shape } from './scene';
