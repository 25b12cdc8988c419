// Text of a document ⇄ selectors ⇄ DOM ranges. Pure: no browser API beyond the DOM.
export { anchorAll } from './anchor-all';
export { anchorQuote, type AnchorMethod, type AnchorOptions, type TextMatch } from './anchor';
export { describeRange } from './describe';
export { buildTextIndex, type TextIndex, type TextIndexOptions } from './text-index';
