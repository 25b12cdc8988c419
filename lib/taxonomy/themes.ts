import type { Theme } from '../model';

const DEFAULTS: ReadonlyArray<[id: string, label: string, color: string]> = [
  ['leadership', 'Leadership, governance and corporate parenting', '#3949ab'],
  ['oversight', 'Management oversight and supervision', '#5e35b1'],
  ['qa-data', 'Performance data and quality assurance', '#00897b'],
  ['workforce', 'Workforce stability and caseloads', '#6d4c41'],
  ['partnership', 'Multi-agency working', '#1e88e5'],
  ['early-help', 'Early help and family help', '#43a047'],
  ['front-door', 'Front door and thresholds', '#f4511e'],
  ['cp-response', 'Immediate protection', '#e53935'],
  ['assessment', 'Assessment quality', '#8e24aa'],
  ['planning', 'Plans, reviews and conferences', '#3949ab'],
  ['neglect', 'Neglect', '#757575'],
  ['domestic-abuse', 'Domestic abuse', '#d81b60'],
  ['extra-familial', 'Exploitation and extra-familial harm', '#c62828'],
  ['legal-permanence', 'Pre-proceedings, court work and permanence', '#00838f'],
  ['children-in-care', 'Children in care', '#2e7d32'],
  ['care-leavers', 'Care leavers', '#558b2f'],
  ['voice', 'Voice, identity and lived experience', '#ef6c00'],
  ['timeliness', 'Timeliness, drift and delay', '#ad1457'],
];

/** The default taxonomy of ../shared/DESIGN.md, in picker order. */
export const DEFAULT_THEMES: readonly Theme[] = DEFAULTS.map(([id, label, color], order) => ({
  id,
  label,
  color,
  order,
  retired: false,
}));

/** Themes offered in the picker: active ones, in their order. */
export function activeThemes(themes: readonly Theme[]): Theme[] {
  return themes.filter((t) => !t.retired).sort((a, b) => a.order - b.order);
}
