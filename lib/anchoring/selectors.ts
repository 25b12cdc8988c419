import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model';
import type { Quote } from './context';

// Reading stored or imported selectors.

/** White space as the text index writes it: each run one space. */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * The quote selector's strings in the index's form (stored quotes already are; imported ones
 * may not be), or null when there is no quote to look for.
 */
export function quoteOf(selectors: readonly Selector[]): Quote | null {
  const selector = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const exact = collapseSpace(selector?.exact ?? '').trim();
  if (!selector || exact === '') return null;
  return { exact, prefix: collapseSpace(selector.prefix), suffix: collapseSpace(selector.suffix) };
}

export function positionOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
