// dom-anchor-text-quote ships no types; these are the two calls the benchmark makes.
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  /** The quote of `range` with up to 32 characters of context, all in `root.textContent`. */
  export function fromRange(root: Node, range: Range): TextQuote;
  /** The best diff-match-patch match of the quote, near `hint` (a `textContent` offset). */
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
}
