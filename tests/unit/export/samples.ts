// Stored objects for the export tests: a report (a PDF, with a citation and its details) and
// a news page (neither), two themes, one of them retired.

import type { Annotation, DocumentRecord, ReportDetails, Theme } from '../../../lib/model';
import { NEWS_URL, REPORT_URL, T0, T1, T2 } from '../db/helpers';

export const workforce: Theme = {
  id: 'workforce',
  label: 'Workforce stability and caseloads',
  color: '#6d4c41',
  order: 3,
  retired: false,
};
export const oversight: Theme = {
  id: 'oversight',
  label: 'Management oversight and supervision',
  color: '#5e35b1',
  order: 1,
  retired: true,
};

/** What the Devon 2025 inspection report says about itself. */
export const devonDetails: ReportDetails = {
  localAuthority: 'Devon',
  visitType: 'standard inspection',
  inspectionDates: {
    text: '30 September to 11 October 2024 and 13 to 16 January 2025',
    start: '2024-09-30',
    end: '2025-01-16',
  },
  judgements: [
    {
      judgement: 'The impact of leaders on social work practice with children and families',
      grade: 'Requires improvement to be good',
    },
    { judgement: 'Overall effectiveness', grade: 'Inadequate' },
  ],
};

export const reportAnnotation: Annotation = {
  id: '5f0c6a4e-8d1b-4c53-9a4e-2f1d7c9b0a11',
  url: REPORT_URL,
  quote: 'the selected text',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'the selected text', prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector', start: 1234, end: 1251 },
  ],
  themes: ['workforce', 'oversight'],
  severity: 3,
  note: '',
  citation: { page: 4, pageEnd: 5, paragraph: 12, section: 'What needs to improve?' },
  createdAt: T0.toISOString(),
  updatedAt: T1.toISOString(),
};

export const newsAnnotation: Annotation = {
  id: '9a1d2b3c-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  url: NEWS_URL,
  quote: 'Caseloads are too high.',
  selectors: [{ type: 'TextQuoteSelector', exact: 'Caseloads are too high.', prefix: '', suffix: '' }],
  themes: ['workforce'],
  severity: 4,
  note: 'Front page',
  createdAt: T1.toISOString(),
  updatedAt: T2.toISOString(),
};

export const reportRecord: DocumentRecord = {
  url: REPORT_URL,
  title: 'Inspection of Devon local authority children’s services',
  details: devonDetails,
  createdAt: T0.toISOString(),
  updatedAt: T1.toISOString(),
};

export const newsRecord: DocumentRecord = {
  url: NEWS_URL,
  title: 'Council news',
  createdAt: T1.toISOString(),
  updatedAt: T2.toISOString(),
};
