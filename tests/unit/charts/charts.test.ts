import { contrast, textOn } from '../../../lib/charts/colour';
import { comparisonChart, comparisonSvg, pairDocuments } from '../../../lib/charts/comparison-chart';
import { escapeXml } from '../../../lib/charts/escape';
import { cellName, heatMap, heatMapSvg } from '../../../lib/charts/heat-map';
import { wrapText, type TextShape } from '../../../lib/charts/scene';
import { shadeFor } from '../../../lib/charts/severity-shades';
import { visitsChart, visitsSvg } from '../../../lib/charts/visits-chart';
import { compareDocuments } from '../../../lib/dashboard/compare';
import { indexData } from '../../../lib/dashboard/documents';
import { themeSeverityTable } from '../../../lib/dashboard/table';
import { visitsOverTime } from '../../../lib/dashboard/visits';
import type { Theme } from '../../../lib/model';
import { SEVERITY_LEVELS } from '../../../lib/taxonomy/severity';
import { annotation, DEVON_2020, DEVON_2025, RECORDS, sampleData, THEMES } from '../dashboard/fixtures';

const HOSTILE_LABELS = ['<script>alert(1)</script>', '"&', "' onload='x"];

function hostileThemes(): Theme[] {
  return THEMES.map((t, i) => (i < HOSTILE_LABELS.length ? { ...t, label: HOSTILE_LABELS[i]! } : t));
}

/** The SVG parsed as XML: throws (via parsererror) if the string is not well-formed. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

const texts = (shapes: readonly { kind: string }[]) =>
  shapes.filter((s): s is TextShape => s.kind === 'text').map((s) => s.text);

describe('heat map geometry', () => {
  const data = sampleData();
  const table = themeSeverityTable(data.annotations, data.themes);

  it('has one cell per theme and severity, a count in every cell (0 too), in the table’s order', () => {
    const { cells } = heatMap(table, 'All');
    expect(cells).toHaveLength(table.rows.length * table.columns.length);
    expect(cells.map((c) => c.count)).toEqual(table.rows.flatMap((r) => r.counts));
    const frontDoor = cells.filter((c) => c.theme === 'front-door');
    expect(frontDoor.map((c) => [c.severityLabel, c.count])).toEqual([
      ['Serious concern', 2],
      ['Needs improvement', 0],
      ['Improving, not yet embedded', 0],
      ['Strength', 1],
      ['Context', 0],
    ]);
    expect(cellName(frontDoor[0]!)).toBe('Front door and thresholds, Serious concern: 2 annotations');
    expect(cellName(frontDoor[3]!)).toBe('Front door and thresholds, Strength: 1 annotation');
  });

  it('lays cells out in a grid: one row per theme, one column per severity, none overlapping', () => {
    const { chart, cells } = heatMap(table, 'All');
    const xs = [...new Set(cells.map((c) => c.x))];
    const ys = [...new Set(cells.map((c) => c.y))];
    expect(xs).toHaveLength(table.columns.length);
    expect(ys).toHaveLength(table.rows.length);
    for (const c of cells) {
      expect(c.x + c.w).toBeLessThanOrEqual(chart.width);
      expect(c.y + c.h).toBeLessThanOrEqual(chart.height);
    }
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(cells[0]!.w);
  });

  it('shades by count: an empty cell white, more annotations darker, in the severity’s own hue', () => {
    const { cells } = heatMap(table, 'All');
    const zero = cells.find((c) => c.count === 0)!;
    expect(zero.fill).toBe('#ffffff');
    const lum = (hex: string) => contrast(hex, '#000000');
    expect(lum(shadeFor(4, 1, 10))).toBeGreaterThan(lum(shadeFor(4, 5, 10)));
    expect(lum(shadeFor(4, 5, 10))).toBeGreaterThan(lum(shadeFor(4, 10, 10)));
  });

  it('writes every count with a contrast of at least 4.5:1, for every severity and shade', () => {
    for (const { level } of SEVERITY_LEVELS)
      for (let n = 0; n <= 40; n++) {
        const fill = shadeFor(level, n, 40);
        const ink = n === 0 ? '#595959' : textOn(fill);
        expect(contrast(fill, ink), `${level} ${n}/40 on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    for (const c of heatMap(table, 'All').cells)
      expect(contrast(c.fill, c.textColor)).toBeGreaterThanOrEqual(4.5);
  });

  it('does not offer to filter to an unknown theme id (the filter cannot name it)', () => {
    const t = themeSeverityTable([annotation({ themes: ['gone'], severity: 4 })], THEMES);
    expect(heatMap(t, 'All').cells.every((c) => c.theme === '?unknown' && !c.filterable)).toBe(true);
  });
});

describe('SVG strings', () => {
  it('heatMapSvg is a standalone, well-formed SVG image with a title, counts in every cell', () => {
    const data = sampleData();
    const table = themeSeverityTable(data.annotations, data.themes);
    const svg = heatMapSvg(table, 'Themes by severity — Devon');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]* role="img"/,
    );
    const doc = parseSvg(svg);
    expect(doc.querySelector('title')!.textContent).toBe('Heat map: Themes by severity — Devon');
    const shown = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    // Labels wrap over two lines at most; their lines follow one another.
    for (const row of table.rows) expect(shown.join(' ')).toContain(row.label);
    expect(shown.filter((t) => t === '0').length).toBeGreaterThan(0);
  });

  it('writes theme labels and titles as text, never as markup', () => {
    const data = sampleData();
    const themes = hostileThemes();
    const annotations = data.annotations.map((a, i) => ({ ...a, themes: [THEMES[i % 3]!.id] }));
    const svg = heatMapSvg(themeSeverityTable(annotations, themes), '<b>"Devon" & co</b>');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&amp;');
    expect(svg).toContain('&#39; onload=&#39;x');
    const doc = parseSvg(svg);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('title')!.textContent).toBe('Heat map: <b>"Devon" & co</b>');
    const shown = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    for (const label of HOSTILE_LABELS) expect(shown).toContain(label);
    expect([...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames())).not.toContain('onload');
  });

  it('refuses a theme colour that is not a colour', () => {
    const themes = THEMES.map((t) => ({ ...t, color: '"/><script>x</script>' }));
    const svg = heatMapSvg(themeSeverityTable([annotation({ themes: [THEMES[0]!.id] })], themes), 'x');
    expect(svg).not.toContain('script');
    parseSvg(svg);
  });

  it('escapes characters XML forbids by dropping them', () => {
    expect(escapeXml('a\u0000b\u0008c<')).toBe('abc&lt;');
  });
});

describe('visits over time picture', () => {
  function devon() {
    const data = sampleData();
    data.documents = RECORDS.map((r) =>
      r.url === DEVON_2020
        ? {
            ...r,
            details: {
              ...r.details!,
              judgements: [
                { judgement: 'Overall effectiveness', grade: 'Requires improvement to be good' },
                {
                  judgement: 'The experiences and progress of children who need help and protection',
                  grade: 'Good',
                },
              ],
            },
          }
        : r.url === DEVON_2025
          ? {
              ...r,
              title: '<img src=x onerror=alert(1)>',
              details: {
                ...r.details!,
                judgements: [
                  { judgement: 'Overall effectiveness', grade: 'Inadequate' },
                  {
                    judgement: 'The experiences and progress of children who need help and protection',
                    grade: 'Good',
                  },
                ],
              },
            }
          : r,
    );
    return visitsOverTime(indexData(data), 'Devon');
  }

  it('draws one column per visit, oldest first, with grades, the change and annotations by severity', () => {
    const v = devon();
    const chart = visitsChart(v);
    const shown = texts(chart.shapes);
    expect(chart.title).toBe('Visits over time: Devon');
    const order = ['January 2020', 'June 2023', 'January 2025'].map((d) => shown.indexOf(d));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(shown).toContain('Inadequate');
    expect(shown).toContain('↓');
    expect(shown).toContain('=');
    expect(shown).toContain('2 annotations');
    expect(shown).toContain('3 annotations');
    expect(shown).toContain('No annotations');
  });

  it('visitsSvg is well-formed with every stored string as text', () => {
    const doc = parseSvg(visitsSvg(devon()));
    expect(doc.querySelector('title')!.textContent).toBe('Visits over time: Devon');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('comparison picture', () => {
  const data = sampleData();
  const index = indexData(data);

  it('pairs bars older above newer whichever order the documents were chosen in', () => {
    const c = compareDocuments(index, THEMES, DEVON_2025, DEVON_2020)!;
    const pair = pairDocuments(c);
    expect([pair.older.url, pair.newer.url, pair.olderTag, pair.newerTag]).toEqual([
      DEVON_2020,
      DEVON_2025,
      '2020',
      '2025',
    ]);
    const chart = comparisonChart(c, THEMES);
    const shown = texts(chart.shapes);
    expect(shown[0]).toBe('Upper bar — 2020: Devon ILACS 2020');
    expect(shown[1]).toBe('Lower bar — 2025: Devon ILACS 2025');
    // Front door: one serious concern in 2020, one strength in 2025; each bar: tag, segment counts, total.
    const frontDoor = shown.indexOf('Front door and thresholds');
    expect(shown.slice(frontDoor, frontDoor + 7)).toEqual([
      'Front door and thresholds',
      '2020',
      '1',
      '1',
      '2025',
      '1',
      '1',
    ]);
    const bars = chart.shapes.filter((s) => s.kind === 'rect' && s.h === 17);
    expect(bars.map((b) => (b as { fill: string }).fill)).toContain(SEVERITY_LEVELS[0]!.color);
  });

  it('comparisonSvg is well-formed, hostile labels as text', () => {
    const themes = hostileThemes();
    const c = compareDocuments(index, themes, DEVON_2020, DEVON_2025)!;
    const svg = comparisonSvg(c, themes);
    expect(svg).toMatch(/role="img"/);
    parseSvg(svg);
  });
});

describe('wrapText', () => {
  it('wraps on words, at most so many lines, with an ellipsis when cut', () => {
    expect(wrapText('Improving, not yet embedded', 14)).toEqual(['Improving, not', 'yet embedded']);
    expect(wrapText('Leadership, governance and corporate parenting', 20, 2)).toEqual([
      'Leadership,',
      'governance and…',
    ]);
    expect(wrapText('Supercalifragilisticexpialidocious', 10, 1)).toEqual(['Supercali…']);
  });
});
