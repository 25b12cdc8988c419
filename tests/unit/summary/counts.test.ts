import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/model';
import { countBySeverity, countByTheme } from '../../../lib/summary/counts';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';

const base = {
  url: 'https://example.org/',
  quote: 'q',
  selectors: [],
  note: '',
  createdAt: '',
  updatedAt: '',
};
const annotations: Annotation[] = [
  { ...base, id: 'a', themes: ['workforce', 'oversight'], severity: 4 },
  { ...base, id: 'b', themes: ['workforce'], severity: 3 },
  { ...base, id: 'c', themes: ['gone'], severity: 3 },
  { ...base, id: 'd', themes: [], severity: 1 },
];

describe('countByTheme', () => {
  it('counts each annotation once per theme, most used first, themes in use only', () => {
    expect(countByTheme(annotations, DEFAULT_THEMES).map((r) => [r.label, r.count])).toEqual([
      ['Workforce stability and caseloads', 2],
      ['Management oversight and supervision', 1],
      ['Unknown theme', 1],
      ['No theme', 1],
    ]);
  });
});

describe('countBySeverity', () => {
  it('counts per severity level, highest first, levels in use only', () => {
    expect(countBySeverity(annotations).map((r) => [r.label, r.count])).toEqual([
      ['Serious concern', 1],
      ['Needs improvement', 2],
      ['Strength', 1],
    ]);
  });
});
