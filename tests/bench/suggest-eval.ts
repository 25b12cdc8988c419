/**
 * The evaluation of lib/suggest against the development set of labelled passages
 * (../shared/fixtures/suggestions/dev.jsonl, see its README). Prints, for suggestions made
 * cold (theme labels and descriptions only) and after learning with 10-fold cross-validation
 * (folds grouped by document, and plain random folds for comparison): the share of passages
 * whose first labelled theme is in the top three, whose any labelled theme is, whose first
 * theme is the top suggestion, and whose severity is exact or within one level.
 *
 * The passages are passed as text only (the set records no section or grade). Theme
 * descriptions are the "covers" column of DESIGN.md's themes table, read here.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSuggester, type SuggestOptions } from '../../lib/suggest/index';
import type { LabelledPassage, Suggestions, ThemeText } from '../../lib/suggest/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEV = resolve(ROOT, '../shared/fixtures/suggestions/dev.jsonl');
const DESIGN = resolve(ROOT, '../shared/DESIGN.md');

export interface Row extends LabelledPassage {
  id: string;
  document: string;
  why: string;
}

export function loadRows(path = DEV): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** The default themes with DESIGN.md's "covers" column as their descriptions. */
export function designThemes(path = DESIGN): ThemeText[] {
  const md = readFileSync(path, 'utf8');
  const section = md.slice(md.indexOf('## Themes'), md.indexOf('## Severity'));
  const themes: ThemeText[] = [];
  for (const line of section.split('\n')) {
    const [, id, label, description] = line.split('|').map((c) => c.trim());
    if (!id || !label || !/^[a-z-]+$/.test(id) || id === 'id') continue;
    themes.push({ id, label, description });
  }
  return themes;
}

interface Tally {
  n: number;
  firstInTop3: number;
  anyInTop3: number;
  top1: number;
  severityExact: number;
  severityWithinOne: number;
  /** confusion[label][suggested] */
  confusion: number[][];
}

function tally(): Tally {
  return {
    n: 0,
    firstInTop3: 0,
    anyInTop3: 0,
    top1: 0,
    severityExact: 0,
    severityWithinOne: 0,
    confusion: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]),
  };
}

function score(t: Tally, row: Row, s: Suggestions): void {
  t.n++;
  const first = row.themes[0] ?? '';
  if (s.themes.includes(first)) t.firstInTop3++;
  if (row.themes.some((id) => s.themes.includes(id))) t.anyInTop3++;
  if (s.themes[0] === first) t.top1++;
  if (s.severity === row.severity) t.severityExact++;
  if (Math.abs(s.severity - row.severity) <= 1) t.severityWithinOne++;
  const r = t.confusion[row.severity];
  if (r) r[s.severity] = (r[s.severity] ?? 0) + 1;
}

/** A seeded shuffle (mulberry32), so random folds are the same on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const x = out[i] as T;
    out[i] = out[j] as T;
    out[j] = x;
  }
  return out;
}

/** k folds with whole documents kept together, balanced by passage count (largest first). */
export function foldsByDocument(rows: Row[], k: number): Row[][] {
  const byDoc = new Map<string, Row[]>();
  for (const r of rows) byDoc.set(r.document, [...(byDoc.get(r.document) ?? []), r]);
  const docs = [...byDoc.values()].sort((a, b) => b.length - a.length);
  const folds: Row[][] = Array.from({ length: k }, () => []);
  for (const d of docs)
    folds.reduce((min, f) => (f.length < min.length ? f : min), folds[0] ?? []).push(...d);
  return folds;
}

export function randomFolds(rows: Row[], k: number, seed = 1): Row[][] {
  const folds: Row[][] = Array.from({ length: k }, () => []);
  shuffled(rows, seed).forEach((r, i) => folds[i % k]?.push(r));
  return folds;
}

const strip = (r: Row) => ({ text: r.text });

export function evaluateCold(rows: Row[], themes: ThemeText[], options?: Partial<SuggestOptions>): Tally {
  const t = tally();
  const suggester = createSuggester(themes, [], options);
  for (const r of rows) score(t, r, suggester.suggest(strip(r)));
  return t;
}

export function evaluateFolds(folds: Row[][], themes: ThemeText[], options?: Partial<SuggestOptions>): Tally {
  const t = tally();
  folds.forEach((test, i) => {
    const train = folds.filter((_, j) => j !== i).flat();
    const suggester = createSuggester(themes, [], options);
    for (const e of train) suggester.learn({ text: e.text, themes: e.themes, severity: e.severity });
    for (const r of test) score(t, r, suggester.suggest(strip(r)));
  });
  return t;
}

const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`.padStart(7);

function line(name: string, t: Tally): string {
  return `| ${name.padEnd(34)} | ${pct(t.firstInTop3, t.n)} | ${pct(t.anyInTop3, t.n)} | ${pct(t.top1, t.n)} | ${pct(
    t.severityExact,
    t.n,
  )} | ${pct(t.severityWithinOne, t.n)} |`;
}

export function table(results: [string, Tally][]): string {
  const head =
    '| run                                | 1st in3 | any in3 |   top-1 | sev. =  | sev. ±1 |\n' +
    '|------------------------------------|---------|---------|---------|---------|---------|';
  return [head, ...results.map(([name, t]) => line(name, t))].join('\n');
}

function confusion(t: Tally): string {
  const rows = t.confusion.map(
    (r, label) => `  label ${label}: ${r.map((n) => String(n).padStart(4)).join('')}`,
  );
  return ['  suggested:   0   1   2   3   4', ...rows].join('\n');
}

export async function main(args: string[] = []): Promise<void> {
  const rows = loadRows();
  const themes = designThemes();
  const k = 10;
  const cold = evaluateCold(rows, themes);
  const byDoc = evaluateFolds(foldsByDocument(rows, k), themes);
  const random = evaluateFolds(randomFolds(rows, k), themes);
  console.log(
    `lib/suggest on ${rows.length} labelled passages (${new Set(rows.map((r) => r.document)).size} documents), text only\n`,
  );
  console.log(
    table([
      ['cold (labels and descriptions)', cold],
      [`learned, ${k}-fold by document`, byDoc],
      [`learned, ${k}-fold random`, random],
    ]),
  );
  console.log('\ntargets: 1st in3 >= 80%, any in3 >= 90%, severity exact >= 65%, within one >= 95%');
  if (args.includes('--confusion')) {
    console.log('\nseverity confusion, cold\n' + confusion(cold));
    console.log('\nseverity confusion, by document\n' + confusion(byDoc));
  }
  // Speed with 10,000 learned examples (the passages repeated): figures only.
  const suggester = createSuggester(themes);
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const r = rows[i % rows.length] as Row;
    suggester.learn({ text: r.text, themes: r.themes, severity: r.severity });
  }
  const t1 = performance.now();
  for (const r of rows) suggester.suggest(strip(r));
  const t2 = performance.now();
  console.log(
    `\nwith 10,000 learned examples: learn ${((t1 - t0) / 10_000).toFixed(3)} ms each, suggest ${((t2 - t1) / rows.length).toFixed(3)} ms each`,
  );
}
