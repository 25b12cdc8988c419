import { buildMarkdownBriefing } from '../../../lib/export/markdown';
import type { BriefingInput } from '../../../lib/export/briefing-input';
import { annotation, DEVON_2020, DEVON_2025, RECORDS, THEMES } from '../dashboard/fixtures';

const viewerUrl = (address: string) =>
  `chrome-extension://id/viewer.html?file=${encodeURIComponent(address)}`;
const NOW = new Date(2026, 2, 17);

function input(): BriefingInput {
  const withGrades = (url: string, overall: string) => {
    const r = RECORDS.find((d) => d.url === url)!;
    return {
      ...r,
      details: { ...r.details!, judgements: [{ judgement: 'Overall effectiveness', grade: overall }] },
    };
  };
  return {
    annotations: [
      annotation({ url: DEVON_2020, themes: ['neglect'], severity: 3 }),
      annotation({ url: DEVON_2025, themes: ['neglect', 'workforce'], severity: 4 }),
      annotation({ url: DEVON_2025, themes: ['neglect'], severity: 4 }),
      annotation({ url: DEVON_2025, themes: [], severity: 1 }),
    ],
    documents: [
      withGrades(DEVON_2025, 'Inadequate'),
      withGrades(DEVON_2020, 'Requires improvement to be good'),
    ],
    themes: THEMES.map((t) => (t.id === 'workforce' ? { ...t, label: 'Caseloads | <b>"staff"</b>' } : t)),
  };
}

/** The lines of the briefing from a heading up to the next heading of level 2. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).filter(Boolean);
}

describe('the briefing’s pictures as Markdown tables', () => {
  it('counts themes by severity as the heat map does, totals and all, labels escaped', () => {
    const md = buildMarkdownBriefing(input(), { now: NOW, viewerUrl });
    expect(section(md, '## Themes by severity')).toEqual([
      '## Themes by severity',
      '| Theme | Serious concern | Needs improvement | Improving, not yet embedded | Strength | Context | Total |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| Caseloads \\| \\<b\\>"staff"\\</b\\> | 1 | 0 | 0 | 0 | 0 | 1 |',
      '| Neglect | 2 | 1 | 0 | 0 | 0 | 3 |',
      '| No theme | 0 | 0 | 0 | 1 | 0 | 1 |',
      '| **All annotations** | **2** | **1** | **0** | **1** | **0** | **4** |',
      'A passage with several themes counts under each of them; “All annotations” counts it once.',
    ]);
  });

  it('lists a local authority’s visits oldest first with each grade’s change and annotations by severity', () => {
    const md = buildMarkdownBriefing(input(), { now: NOW, viewerUrl });
    expect(section(md, '## Visits over time')).toEqual([
      '## Visits over time',
      '### Devon: oldest first',
      '| Visit | Overall effectiveness | Annotations |',
      '| --- | --- | --- |',
      '| standard inspection, 2020-01-13 to 2020-01-24 | Requires improvement to be good | 1 needs improvement |',
      '| standard inspection, 2025-01-13 to 2025-01-24 | Inadequate ↓ (declined from Requires improvement to be good) | 2 serious concern, 1 strength |',
    ]);
  });

  it('has no visits section for a single visit, and no tables without annotations', () => {
    const one = { ...input(), annotations: input().annotations.filter((a) => a.url === DEVON_2025) };
    one.documents = one.documents.filter((d) => d.url === DEVON_2025);
    expect(buildMarkdownBriefing(one, { now: NOW, viewerUrl })).not.toContain('## Visits over time');
    const none = buildMarkdownBriefing(
      { ...input(), annotations: [], documents: [] },
      { now: NOW, viewerUrl },
    );
    expect(none).not.toContain('## Themes by severity');
  });
});
