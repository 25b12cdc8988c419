/**
 * Theme and severity suggestions, learned on the user's computer.
 *
 * Libraries: the Porter stemmer of the `stemmer` package (wooorm; MIT, ESM, typed, no
 * dependencies, about 4 KB unminified) folds "assessments"/"assessed" and "plans"/"planning" so
 * that a theme's label and description meet a passage's words. The scoring is our own (a few
 * hundred lines, the whole of lib/suggest about 7 KB gzipped with the stemmer): the naive
 * Bayes packages on npm (`bayes`, `classificator`, `wink-naive-bayes-text-classifier`) are
 * single-label, little maintained, async, or pull in a whole NLP model (wink-nlp), and none
 * takes a theme's description as prior knowledge or ranks several themes of one passage; BM25
 * engines (`minisearch`, `wink-bm25-text-search`) search documents rather than classify. What
 * is needed is small: counts per theme and per severity, updated in place by `learn` and read
 * by `suggest` in well under a millisecond with 10,000 learned passages.
 *
 * How a suggestion is made:
 * - themes: a cold score from the themes' own labels and descriptions (stems and two-word
 *   phrases, words used by fewer themes weighing more, words found in every report weighing
 *   little), plus what the user's own tagged passages teach: a multinomial naive Bayes and an
 *   idf-weighted centroid per theme (a first theme counts fully, later ones half), and the
 *   labels of any learned passage worded nearly the same (memory.ts); plus the section
 *   heading, matched against the same theme texts ("...progress of care leavers");
 * - severity: hand-written cues from DESIGN.md's severity table and the labelling conventions
 *   (severity.ts: serious words in the negative, "not always", "beginning to", "too soon",
 *   "some", "effective", improvement items by their form), the section ("What needs to
 *   improve?" 3, priority action 4), the judgement's grade as a lean, and an online logistic
 *   correction of those cues by the user's own ratings (one gradient step per `learn`) that
 *   moves the wording's level by one step at most; ties go to the more concerning level.
 * Nothing from an evaluation set ships: built-in knowledge is the theme texts passed in and the
 * cue lists. `npm run eval` measures it (tests/bench/suggest-eval.ts).
 */
import { gradeLean, sectionSeverity, severityEvidence, type Level, type SeverityEvidence } from './severity';
import { Memory, type Neighbour } from './memory';
import { isGeneric, terms } from './tokens';
import type { LabelledPassage, Passage, Suggestions, ThemeText } from './types';

export type { LabelledPassage, Passage, Suggestions, ThemeText } from './types';

export interface Suggester {
  /** Up to three themes (best first) and a severity for a passage. */
  suggest(passage: Passage): Suggestions;
  /** Takes one of the user's own tagged passages into account, at once. */
  learn(example: LabelledPassage): void;
}

/** Tunable weights; the defaults are what `createSuggester` uses. */
export interface SuggestOptions {
  /** Weight of the cold (label and description) score against the learned one. */
  coldWeight: number;
  /** Weight of a theme's label words against its description words. */
  labelWeight: number;
  /** Weight of the learned naive Bayes theme score. */
  learnedWeight: number;
  /** Step size of the online correction of severity cues by the user's own ratings. */
  severityRate: number;
  /** Weight of words (against cues) in that correction. */
  severityWordWeight: number;
  /** How alike (cosine of content stems) a learned passage must be to lend its labels. */
  neighbourFloor: number;
  /** Weight of the labels of a learned passage with the very same words. */
  neighbourWeight: number;
  /** Weight of the learned centroid theme score. */
  centroidWeight: number;
  /** How much the second and third themes of an example count, against the first. */
  laterThemeWeight: number;
}

export const DEFAULT_OPTIONS: SuggestOptions = {
  coldWeight: 1,
  labelWeight: 2,
  learnedWeight: 0.5,
  severityRate: 0.1,
  severityWordWeight: 1,
  neighbourFloor: 0.4,
  neighbourWeight: 6,
  laterThemeWeight: 0.5,
  centroidWeight: 2,
};

/**
 * The level with the highest score. On a tie the more concerning level wins, as in the
 * labelling convention for mixed passages whose halves weigh the same.
 */
function argmax(scores: number[]): Level {
  let best: Level = 0;
  for (const l of [1, 2, 3, 4] as const) if ((scores[l] ?? -Infinity) >= (scores[best] ?? -Infinity)) best = l;
  return best;
}

/** One class's counts: feature → weight, their sum, and the weight of examples seen. */
interface ClassCounts {
  features: Map<string, number>;
  total: number;
  prior: number;
}

/** Counts for a multinomial naive Bayes over classes 0..n-1, updated one example at a time. */
class Counts {
  readonly classes: ClassCounts[];
  readonly vocabulary = new Set<string>();
  examples = 0;

  constructor(size: number) {
    this.classes = Array.from({ length: size }, () => ({ features: new Map(), total: 0, prior: 0 }));
  }

  add(cls: number, features: string[], weight: number): void {
    const c = this.classes[cls];
    if (!c) return;
    for (const f of features) {
      c.features.set(f, (c.features.get(f) ?? 0) + weight);
      this.vocabulary.add(f);
    }
    c.total += features.length * weight;
    c.prior += weight;
  }

  /** Log-likelihood per class of the features, with additive smoothing. */
  logLikelihood(features: string[], alpha = 0.1): number[] {
    const v = this.vocabulary.size + 1;
    return this.classes.map((c) => {
      const denominator = Math.log(c.total + alpha * v);
      let sum = 0;
      for (const f of features) sum += Math.log((c.features.get(f) ?? 0) + alpha) - denominator;
      return sum;
    });
  }
}

/**
 * A multinomial logistic correction to the cue scores, learned online: each example takes one
 * gradient step, so the user's own ratings shift how much each cue and word counts.
 */
class Corrections {
  readonly weights: Map<string, number>[];
  readonly bias: number[];
  examples = 0;

  constructor(
    size: number,
    readonly rate: number,
  ) {
    this.weights = Array.from({ length: size }, () => new Map());
    this.bias = new Array<number>(size).fill(0);
  }

  logits(base: number[], features: Map<string, number>): number[] {
    return base.map((b, c) => {
      const w = this.weights[c];
      let sum = b + (this.bias[c] ?? 0);
      if (w) for (const [f, x] of features) sum += (w.get(f) ?? 0) * x;
      return sum;
    });
  }

  learn(base: number[], features: Map<string, number>, target: number): void {
    const logits = this.logits(base, features);
    const max = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - max));
    const total = exp.reduce((a, b) => a + b, 0);
    exp.forEach((e, c) => {
      const gradient = (c === target ? 1 : 0) - e / total;
      const w = this.weights[c];
      if (!w) return;
      for (const [f, x] of features) w.set(f, (w.get(f) ?? 0) + this.rate * gradient * x);
      this.bias[c] = (this.bias[c] ?? 0) + this.rate * 0.2 * gradient;
    });
    this.examples++;
  }
}

interface ThemeModel {
  theme: ThemeText;
  /** stem → weight in this theme's label and description. */
  stems: Map<string, number>;
  /** two-stem phrases of the label and description. */
  pairs: Set<string>;
}

export function createSuggester(
  themes: ThemeText[],
  examples: LabelledPassage[] = [],
  options: Partial<SuggestOptions> = {},
): Suggester {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const ids = themes.map((t) => t.id);
  const index = new Map(ids.map((id, i) => [id, i]));

  const models: ThemeModel[] = themes.map((theme) => {
    const stems = new Map<string, number>();
    const pairs = new Set<string>();
    const label = terms(theme.label);
    const description = terms(theme.description ?? '');
    for (const s of description.stems) stems.set(s, Math.max(stems.get(s) ?? 0, 1));
    for (const s of label.stems) stems.set(s, o.labelWeight);
    for (const p of [...label.pairs, ...description.pairs]) pairs.add(p);
    return { theme, stems, pairs };
  });

  // How many themes' texts use a stem: a stem in one theme's text tells more than one in five.
  const themeFrequency = new Map<string, number>();
  for (const m of models)
    for (const s of m.stems.keys()) themeFrequency.set(s, (themeFrequency.get(s) ?? 0) + 1);
  const idf = (s: string) =>
    Math.log(1 + models.length / (themeFrequency.get(s) ?? 1)) * (isGeneric(s) ? 0.25 : 1);

  const themeCounts = new Counts(themes.length);
  const severityModel = new Corrections(5, o.severityRate);
  const memory = new Memory();
  /** Per theme: the summed presence of each stem in its examples, and their summed weight. */
  const centroids = themes.map(() => ({ stems: new Map<string, number>(), weight: 0 }));
  const documentFrequency = new Map<string, number>();

  /** Idf-weighted share of the passage's stems found in each theme's examples. */
  function centroidScores(text: string): number[] {
    const stems = new Set(terms(text).stems);
    const n = themeCounts.examples;
    const weights = [...stems].map(
      (st) => [st, Math.log((n + 1) / ((documentFrequency.get(st) ?? 0) + 1))] as const,
    );
    const total = weights.reduce((a, [, w]) => a + w, 0) || 1;
    return centroids.map((c) => {
      if (c.weight === 0) return 0;
      let sum = 0;
      for (const [st, w] of weights) sum += (w * (c.stems.get(st) ?? 0)) / c.weight;
      return sum / total;
    });
  }

  /** The user's passages most like this text (their own earlier tags of the same words). */
  function neighbours(text: string): Neighbour[] {
    return memory.nearest(terms(text).content, o.neighbourFloor, 5);
  }

  /** How much a neighbour's labels count: nothing at the floor, fully for the same words. */
  const vote = (n: Neighbour) =>
    o.neighbourWeight * ((n.similarity - o.neighbourFloor) / (1 - o.neighbourFloor));

  function coldScores(text: string): number[] {
    const t = terms(text);
    const seen = new Set(t.stems);
    const pairs = new Set(t.pairs);
    return models.map((m) => {
      let score = 0;
      for (const s of seen) {
        const w = m.stems.get(s);
        if (w) score += w * idf(s);
      }
      for (const p of pairs) if (m.pairs.has(p)) score += 2;
      return score;
    });
  }

  function themeFeatures(text: string): string[] {
    const t = terms(text);
    return [...t.stems, ...t.pairs];
  }

  function severityFeatures(text: string, cues: string[]): Map<string, number> {
    const features = new Map<string, number>();
    const stems = new Set(terms(text).stems);
    const x = o.severityWordWeight / Math.sqrt(Math.max(1, stems.size));
    for (const s of stems) features.set(s, x);
    for (const c of cues) features.set(`#${c}`, 1);
    return features;
  }

  /** Severity scores from the wording, the section's grade: what learning corrects. */
  function baseSeverity(passage: Passage, evidence: SeverityEvidence): number[] {
    // With no cue at all, a passage is most likely context.
    const sev = evidence.scores.map((score, l) => (l === 0 ? score + 0.5 : score));
    const lean = gradeLean(passage.grade);
    return lean ? sev.map((score, l) => score + (lean[l] ?? 0)) : sev;
  }

  function learn(example: LabelledPassage): void {
    const features = themeFeatures(example.text);
    example.themes.forEach((id, i) => {
      const cls = index.get(id);
      if (cls === undefined) return; // a theme retired since: nothing to learn for it
      themeCounts.add(cls, features, i === 0 ? 1 : o.laterThemeWeight);
    });
    themeCounts.examples++;
    const stems = new Set(terms(example.text).stems);
    for (const st of stems) documentFrequency.set(st, (documentFrequency.get(st) ?? 0) + 1);
    example.themes.forEach((id, i) => {
      const cls = index.get(id);
      const centroid = cls === undefined ? undefined : centroids[cls];
      if (!centroid) return;
      const w = i === 0 ? 1 : o.laterThemeWeight;
      for (const st of stems) centroid.stems.set(st, (centroid.stems.get(st) ?? 0) + w);
      centroid.weight += w;
    });
    const known = example.themes.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    memory.add(terms(example.text).content, known, example.severity);
    const evidence = severityEvidence(example.text);
    if (sectionSeverity(example.section) === null) {
      // An item whose section decides its severity teaches nothing about wording.
      severityModel.learn(
        baseSeverity(example, evidence),
        severityFeatures(example.text, evidence.cues),
        example.severity,
      );
    }
  }

  function themeScores(passage: Passage, near: Neighbour[]): number[] {
    const text = passage.text ?? '';
    const cold = coldScores(text);
    const coldMax = Math.max(1e-9, ...cold);
    let scores = cold.map((c) => (o.coldWeight * c) / coldMax);
    if (themeCounts.examples > 0) {
      const features = themeFeatures(text);
      const ll = themeCounts.logLikelihood(features);
      const best = Math.max(...ll);
      const n = themeCounts.examples;
      scores = scores.map((score, c) => {
        const counts = themeCounts.classes[c];
        if (!counts || counts.prior === 0) return score;
        const prior = Math.log(counts.prior / n);
        // Per-feature average keeps long and short passages on one scale.
        const learned = ((ll[c] ?? best) - best) / Math.max(1, features.length) + 0.1 * prior;
        return score + o.learnedWeight * (4 + learned * 4) * Math.min(1, counts.prior / 3);
      });
    }
    if (o.centroidWeight > 0 && themeCounts.examples > 0) {
      const cs = centroidScores(text);
      const max = Math.max(1e-9, ...cs);
      scores = scores.map((score, c) => score + (o.centroidWeight * (cs[c] ?? 0)) / max);
    }
    for (const n of near) {
      n.example.themes.forEach((c, rank) => {
        scores[c] = (scores[c] ?? 0) + vote(n) * (rank === 0 ? 1 : o.laterThemeWeight);
      });
    }
    if (passage.section) {
      const fromSection = coldScores(passage.section);
      const max = Math.max(...fromSection, 0);
      if (max > 0) scores = scores.map((score, i) => score + (3 * (fromSection[i] ?? 0)) / max);
    }
    return scores;
  }

  /**
   * The severity from the wording, corrected by what the user's ratings taught. The correction
   * refines the wording's level by one step at most: a few ratings (the correction is fitted one
   * example at a time, mostly to tell a 3 from a 4) must not turn a stated strength into a
   * serious concern or a stated shortcoming into a strength. A passage worded like one the user
   * tagged takes that tag whatever the wording says.
   */
  function severityOf(passage: Passage, near: Neighbour[]): Level {
    const text = passage.text ?? '';
    const evidence = severityEvidence(text);
    const base = baseSeverity(passage, evidence);
    if (severityModel.examples === 0 && near.length === 0) return argmax(base);
    const scores =
      severityModel.examples === 0 ? base : severityModel.logits(base, severityFeatures(text, evidence.cues));
    if (near.length > 0) {
      for (const n of near) scores[n.example.severity] = (scores[n.example.severity] ?? 0) + vote(n);
      return argmax(scores);
    }
    const fromWording = argmax(base);
    return Math.min(fromWording + 1, Math.max(fromWording - 1, argmax(scores))) as Level;
  }

  function suggest(passage: Passage): Suggestions {
    const near = neighbours(passage.text ?? '');
    const themeIds = themeScores(passage, near)
      .map((score, i) => ({ score, id: ids[i] }))
      .filter((t): t is { score: number; id: string } => t.score > 0 && t.id !== undefined)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((t) => t.id);
    const fromSection = sectionSeverity(passage.section);
    const severity = fromSection ?? severityOf(passage, near);
    return { themes: themeIds, severity };
  }

  for (const e of examples) learn(e);
  return { suggest, learn };
}
