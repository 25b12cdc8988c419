import { createTextQuoteSelectorMatcher, describeTextQuote } from '@apache-annotator/dom';
import * as textQuote from 'dom-anchor-text-quote';
import { anchorAll, buildTextIndex, describeRange } from '../../../lib/anchoring';
import type { Selector } from '../../../lib/model';
import { anchorHypothesis, describeHypothesis, type HypothesisSelectors } from './hypothesis-rules';

// The four ways of anchoring compared: ours and three peers. Each describes a passage with its
// own calls on the page where it was selected (untimed), then anchors all of a page's
// annotations again (timed) with its own calls, as a browser extension built on it would.

export interface AnchoringSystem {
  name: string;
  /** Selectors for passages of `root`, in the system's own format. */
  describeAll(root: HTMLElement, ranges: readonly Range[]): Promise<unknown[]>;
  /** The range each description anchors to now, or null (an orphan). */
  anchorAll(root: HTMLElement, described: readonly unknown[]): Promise<Array<Range | null>>;
}

export const ours: AnchoringSystem = {
  name: 'ours',
  async describeAll(root, ranges) {
    const index = buildTextIndex(root);
    return ranges.map((range) => {
      const described = describeRange(index, range);
      if (!described) throw new Error('A benchmark passage could not be described');
      return { selectors: described.selectors };
    });
  },
  // One text index per batch, then every annotation against it.
  async anchorAll(root, described) {
    const index = buildTextIndex(root);
    return anchorAll(index, described as Array<{ selectors: Selector[] }>).map((r) => r.range);
  },
};

export const hypothesisRules: AnchoringSystem = {
  name: 'Hypothesis rules (baseline)',
  async describeAll(root, ranges) {
    return ranges.map((range) => describeHypothesis(root, range));
  },
  async anchorAll(root, described) {
    return (described as HypothesisSelectors[]).map((d) => anchorHypothesis(root, d));
  },
};

/** The same baseline without its position check: matchQuote for every annotation. */
export const hypothesisQuoteRules: AnchoringSystem = {
  name: 'Hypothesis rules, quote search only (baseline)',
  describeAll: hypothesisRules.describeAll,
  async anchorAll(root, described) {
    return (described as HypothesisSelectors[]).map((d) => anchorHypothesis(root, d, { quoteOnly: true }));
  },
};

type ApacheQuote = Awaited<ReturnType<typeof describeTextQuote>>;

export const apacheAnnotator: AnchoringSystem = {
  name: '@apache-annotator/dom',
  async describeAll(root, ranges) {
    const described: ApacheQuote[] = [];
    for (const range of ranges) described.push(await describeTextQuote(range, root));
    return described;
  },
  // Exact matching of prefix + quote + suffix; the first match is taken.
  async anchorAll(root, described) {
    const ranges: Array<Range | null> = [];
    for (const selector of described as ApacheQuote[]) {
      const matches = createTextQuoteSelectorMatcher(selector)(root);
      const first = await matches.next();
      ranges.push(first.done ? null : first.value);
    }
    return ranges;
  },
};

interface DomAnchorQuote {
  quote: textQuote.TextQuote;
  /** The old start, as a `textContent` offset, which toRange takes as a hint. */
  hint: number;
}

export const domAnchorTextQuote: AnchoringSystem = {
  name: 'dom-anchor-text-quote',
  async describeAll(root, ranges) {
    return ranges.map((range): DomAnchorQuote => ({
      quote: textQuote.fromRange(root, range),
      hint: describeHypothesis(root, range).position.start,
    }));
  },
  async anchorAll(root, described) {
    return (described as DomAnchorQuote[]).map((d) => textQuote.toRange(root, d.quote, { hint: d.hint }));
  },
};
