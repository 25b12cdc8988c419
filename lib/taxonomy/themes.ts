import type { Theme } from '../model';

type DefaultTheme = [id: string, label: string, color: string, description: string];

const DEFAULTS: readonly DefaultTheme[] = [
  [
    'leadership',
    'Leadership, governance and corporate parenting',
    '#3949ab',
    "senior leaders' grip and stability, improvement plans, political and corporate support, scrutiny",
  ],
  [
    'oversight',
    'Management oversight and supervision',
    '#5e35b1',
    "managers' direction and challenge, supervision quality and frequency, recorded decisions",
  ],
  [
    'qa-data',
    'Performance data and quality assurance',
    '#00897b',
    'performance information, audits, QA framework, accuracy of self-evaluation',
  ],
  [
    'workforce',
    'Workforce stability and caseloads',
    '#6d4c41',
    'recruitment, retention, agency staff, turnover, caseloads, practice model, training',
  ],
  [
    'partnership',
    'Multi-agency working',
    '#1e88e5',
    'police, health, schools, the safeguarding partnership, information sharing',
  ],
  [
    'early-help',
    'Early help and family help',
    '#43a047',
    'targeted early help, family hubs, waiting lists, step-up and step-down',
  ],
  [
    'front-door',
    'Front door and thresholds',
    '#f4511e',
    'contacts and referrals, MASH, consent, consistency of thresholds, re-referrals',
  ],
  [
    'cp-response',
    'Immediate protection',
    '#e53935',
    'strategy discussions, child protection enquiries, children seen promptly, repeat investigations',
  ],
  [
    'assessment',
    'Assessment quality',
    '#8e24aa',
    'analysis, history, professional curiosity, timeliness of assessments',
  ],
  [
    'planning',
    'Plans, reviews and conferences',
    '#3949ab',
    'plans linked to risk, contingency plans, conferences, reviewing officers',
  ],
  ['neglect', 'Neglect', '#757575', 'recognising and responding to chronic neglect'],
  [
    'domestic-abuse',
    'Domestic abuse',
    '#d81b60',
    'children living with domestic abuse, work with perpetrators',
  ],
  [
    'extra-familial',
    'Exploitation and extra-familial harm',
    '#c62828',
    'exploitation, missing children, contextual safeguarding',
  ],
  [
    'legal-permanence',
    'Pre-proceedings, court work and permanence',
    '#00838f',
    'Public Law Outline, care proceedings, permanence, adoption, special guardianship',
  ],
  [
    'children-in-care',
    'Children in care',
    '#2e7d32',
    'sufficiency and stability of homes, health, education, family time',
  ],
  [
    'care-leavers',
    'Care leavers',
    '#558b2f',
    'personal advisers, pathway plans, accommodation, education and work',
  ],
  [
    'voice',
    'Voice, identity and lived experience',
    '#ef6c00',
    'children seen alone, direct work, wishes and feelings, advocacy',
  ],
  ['timeliness', 'Timeliness, drift and delay', '#ad1457', 'children seen too slowly, plans that drift'],
];

/** The default taxonomy of ../shared/DESIGN.md, in picker order. */
export const DEFAULT_THEMES: readonly Theme[] = DEFAULTS.map(([id, label, color, description], order) => ({
  id,
  label,
  description,
  color,
  order,
  retired: false,
}));

const DEFAULT_DESCRIPTIONS = new Map(DEFAULTS.map(([id, , , description]) => [id, description]));

/**
 * What a theme covers: its own description, or for a default theme stored before themes had
 * descriptions, the default one.
 */
export function themeDescription(theme: Theme): string {
  return theme.description ?? DEFAULT_DESCRIPTIONS.get(theme.id) ?? '';
}

/** Themes offered in the picker: active ones, in their order. */
export function activeThemes(themes: readonly Theme[]): Theme[] {
  return themes.filter((t) => !t.retired).sort((a, b) => a.order - b.order);
}
