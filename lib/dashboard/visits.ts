// "Grades across time": a local authority's annotated reports and letters in date order, each
// with its kind, its grades judgement by judgement (lined up across frameworks, so that the
// same judgement reads down one column) and how each grade moved since the last visit that
// graded it, with the annotations on each by severity.

import type { Severity } from '../model';
import { SEVERITY_LEVELS } from '../taxonomy/severity';
import type { DashboardIndex, DocumentEntry } from './documents';

export interface Judgement {
  key: string;
  /** The column's name. */
  label: string;
}

export type GradeChange = 'improved' | 'declined' | 'same';

export interface GradeCell {
  /** As printed ("Requires improvement to be good", "Grade 3 (Adequate)"). */
  grade: string;
  /** 1 outstanding … 4 inadequate; undefined when the words are none of the four. */
  rank?: number;
  /** Against the last earlier visit that graded the same judgement. */
  change?: GradeChange;
  previous?: string;
}

export interface Visit {
  entry: DocumentEntry;
  grades: Map<string, GradeCell>;
  outcome?: string;
  /** Annotations on the document by severity, highest first, levels with none left out. */
  bySeverity: Array<{ level: Severity; label: string; count: number }>;
}

export interface VisitsOverTime {
  authority: string;
  /** Oldest first. */
  visits: Visit[];
  /** The judgements any visit graded, in the order reports list them. */
  judgements: Judgement[];
}

// Each framework words the same judgements its own way; one pattern per judgement, in the
// order reports print them. Anything else gets a column of its own, after these.
const KNOWN: ReadonlyArray<Judgement & { pattern: RegExp }> = [
  { key: 'overall', label: 'Overall effectiveness', pattern: /\boverall\b/i },
  { key: 'leaders', label: 'Leaders', pattern: /\blead(?:ers|ership)\b|\bimpact of leaders\b/i },
  { key: 'help', label: 'Help and protection', pattern: /help and protection/i },
  {
    key: 'in-care-and-leavers',
    label: 'Children in care and care leavers',
    pattern: /(?:in care|looked after).*care leavers/i,
  },
  { key: 'in-care', label: 'Children in care', pattern: /children in care|looked after/i },
  { key: 'adoption', label: 'Adoption', pattern: /\badoption\b/i },
  { key: 'leavers', label: 'Care leavers', pattern: /care leavers/i },
  { key: 'board', label: 'Safeguarding board', pattern: /safeguarding (?:children )?board|\bLSCB\b/i },
  { key: 'capacity', label: 'Capacity to improve', pattern: /capacity to improve/i },
];

/**
 * Where a judgement's last grade may also be found: since 2023 ILACS grades children in care
 * and care leavers apart, where earlier reports graded them together.
 */
const ALSO_COMPARED_WITH: Readonly<Record<string, string>> = {
  'in-care': 'in-care-and-leavers',
  leavers: 'in-care-and-leavers',
};

/** Column key and name of a judgement as printed. */
export function judgementOf(name: string): Judgement {
  const known = KNOWN.find(({ pattern }) => pattern.test(name));
  if (known) return { key: known.key, label: known.label };
  const label = name.replace(/\s+/g, ' ').trim();
  return { key: `other:${label.toLowerCase()}`, label };
}

/** 1 outstanding, 2 good, 3 requires improvement (or adequate), 4 inadequate. */
export function gradeRank(grade: string): number | undefined {
  const text = grade.toLowerCase();
  if (/inadequate/.test(text)) return 4;
  if (/requires? improvement|adequate/.test(text)) return 3;
  if (/outstanding/.test(text)) return 1;
  if (/\bgood\b/.test(text)) return 2;
  const numbered = /grade\s*([1-4])/.exec(text);
  return numbered ? Number(numbered[1]) : undefined;
}

/** The authorities with at least one document that says what it is, by name. */
export function authoritiesWithReports(index: DashboardIndex): string[] {
  return index.groups
    .filter((g) => g.kind === 'authority' && g.documents.some((d) => d.details))
    .map((g) => g.name);
}

export function visitsOverTime(index: DashboardIndex, authority: string): VisitsOverTime {
  const group = index.groups.find((g) => g.kind === 'authority' && g.name === authority);
  const entries = (group?.documents ?? [])
    .filter((d) => d.details)
    .sort((a, b) => a.details!.inspectionDates.start.localeCompare(b.details!.inspectionDates.start));
  const columns = new Map<string, Judgement>();
  const last = new Map<string, { cell: GradeCell; visit: number }>();
  const lastFor = (key: string) => {
    const own = last.get(key);
    const wider = ALSO_COMPARED_WITH[key] && last.get(ALSO_COMPARED_WITH[key]);
    return wider && (!own || wider.visit > own.visit) ? wider.cell : own?.cell;
  };
  const visits = entries.map((entry, visit): Visit => {
    const grades = new Map<string, GradeCell>();
    for (const { judgement, grade } of entry.details!.judgements) {
      const column = judgementOf(judgement);
      if (grades.has(column.key)) continue;
      columns.set(column.key, column);
      const rank = gradeRank(grade);
      const before = lastFor(column.key);
      const cell: GradeCell = { grade, ...(rank !== undefined && { rank }) };
      if (before?.rank !== undefined && rank !== undefined) {
        cell.change = rank < before.rank ? 'improved' : rank > before.rank ? 'declined' : 'same';
        cell.previous = before.grade;
      }
      grades.set(column.key, cell);
      last.set(column.key, { cell, visit });
    }
    return {
      entry,
      grades,
      ...(entry.details!.outcome && { outcome: entry.details!.outcome }),
      bySeverity: severityCounts(index, entry.url),
    };
  });
  const order = (key: string) => {
    const known = KNOWN.findIndex((k) => k.key === key);
    return known < 0 ? KNOWN.length : known;
  };
  const judgements = [...columns.values()].sort((a, b) => order(a.key) - order(b.key));
  return { authority, visits, judgements };
}

function severityCounts(index: DashboardIndex, url: string): Visit['bySeverity'] {
  const annotations = index.byDocument.get(url) ?? [];
  return SEVERITY_LEVELS.map(({ level, label }) => ({
    level,
    label,
    count: annotations.filter((a) => a.severity === level).length,
  })).filter((row) => row.count > 0);
}
