import search from 'approx-string-match';

// A baseline with the anchoring rules of the Hypothesis client (src/annotator/anchoring:
// html.ts anchor(), types.ts, match-quote.ts), written here on approx-string-match, the
// library Hypothesis uses. What it does, as Hypothesis does:
//
// - Offsets count characters of `root.textContent`: every text node, raw white space.
// - Describing keeps a TextPositionSelector and a TextQuoteSelector with 32 characters of
//   context on each side.
// - Anchoring tries the position first, accepted if the text there equals the quote; else it
//   reads `root.textContent` again (for every annotation: Hypothesis anchors each annotation
//   on its own, with no shared index) and runs matchQuote: every exact occurrence of the quote
//   or, when there is none, every approximate match with up to min(256, length / 2) errors in
//   the whole text, each scored by quote, prefix and suffix similarity (weights 50, 20, 20)
//   and closeness to the old position (weight 2); the best score wins, however low (no floor).
//
// Left out: the RangeSelector (XPath) that Hypothesis tries before the position, since the
// other systems here have no counterpart; and its <br>-as-space rule for the quote.

export interface HypothesisSelectors {
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
}

const CONTEXT = 32;

export function describeHypothesis(root: Node, range: Range): HypothesisSelectors {
  const text = root.textContent ?? '';
  const start = textOffset(root, range.startContainer, range.startOffset);
  const end = textOffset(root, range.endContainer, range.endOffset);
  return {
    position: { start, end },
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
  };
}

/**
 * Hypothesis's anchor(): the position, then matchQuote. With `quoteOnly`, matchQuote alone:
 * the path Hypothesis takes for every annotation whose position no longer holds its quote
 * (any change of the text before it).
 */
export function anchorHypothesis(
  root: Node,
  { position, quote }: HypothesisSelectors,
  { quoteOnly = false } = {},
): Range | null {
  if (!quoteOnly) {
    const atPosition = rangeAt(root, position.start, position.end);
    if (atPosition && atPosition.toString() === quote.exact) return atPosition;
  }
  const text = root.textContent ?? '';
  const match = matchQuote(text, quote.exact, { ...quote, hint: position.start });
  return match && rangeAt(root, match.start, match.end);
}

/** Hypothesis's matchQuote rules: the best-scoring candidate, with no score floor. */
export function matchQuote(
  text: string,
  exact: string,
  context: { prefix: string; suffix: string; hint?: number },
): { start: number; end: number; score: number } | null {
  if (exact === '') return null;
  const candidates = exactThenApproximate(text, exact, Math.min(256, exact.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / exact.length;
    const prefixScore = context.prefix
      ? similarity(
          text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start),
          context.prefix,
        )
      : 1;
    const suffixScore = context.suffix
      ? similarity(text.slice(candidate.end, candidate.end + context.suffix.length), context.suffix)
      : 1;
    const positionScore =
      context.hint === undefined ? 1 : 1 - Math.abs(candidate.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  return best;
}

/** Every exact occurrence; only when there is none, the approximate search. */
function exactThenApproximate(text: string, pattern: string, maxErrors: number) {
  const hits: Array<{ start: number; end: number; errors: number }> = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) {
    hits.push({ start: i, end: i + pattern.length, errors: 0 });
  }
  return hits.length > 0 ? hits : search(text, pattern, maxErrors);
}

/** 0-1: how closely `pattern` appears in `text`. */
function similarity(text: string, pattern: string): number {
  if (pattern === '' || text === '') return 0;
  const best = exactThenApproximate(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

/** The `textContent` offset of a boundary point in a text node (as the other systems' ranges have). */
function textOffset(root: Node, node: Node, offset: number): number {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return before + offset;
    before += (n as Text).data.length;
  }
  throw new Error('The range does not start in a text node of the root');
}

/** A range for `textContent` offsets, by walking the text nodes (as Hypothesis's TextPosition.resolve). */
function rangeAt(root: Node, start: number, end: number): Range | null {
  if (start < 0 || end <= start) return null;
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument!.createRange();
  let before = 0;
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const length = n.data.length;
    if (!started && start < before + length) {
      range.setStart(n, start - before);
      started = true;
    }
    if (started && end <= before + length) {
      range.setEnd(n, end - before);
      return range;
    }
    before += length;
  }
  return null;
}
