import { describe, expect, it } from 'vitest';
import { listImprovementItems, type ImprovementItem } from '../../../lib/pdf/improvement-items';
import { readReportStructure } from '../../../lib/pdf/report-structure';
import { loadReport, MORE, REPORTS } from './helpers';

async function itemsOf(file: string): Promise<ImprovementItem[]> {
  const pages = await loadReport(file);
  return listImprovementItems(pages, readReportStructure(pages));
}

const brief = ({ text, page, paragraph, section, heading }: ImprovementItem) => ({
  text,
  page,
  paragraph,
  section,
  heading,
});

describe('listImprovementItems', () => {
  it('lists Devon 2025’s six “What needs to improve?” bullets, lines joined and a hyphenated word kept whole', async () => {
    const items = await itemsOf(REPORTS.devon2025);
    expect(items.map((i) => i.text)).toEqual([
      'The response to children at immediate risk of harm, including the timeliness of strategy discussions.',
      'The identification of risk and response to neglect, domestic abuse and extra-familial harm for children.',
      'The quality and impact of plans for children and care leavers to meet their needs.',
      'The assessment of risk and safety planning for care leavers.',
      'The availability of support and sufficient suitable local homes to meet the needs of children in care and care leavers.',
      'Management oversight and grip across the service and the effectiveness of supervision.',
    ]);
    for (const item of items) {
      expect(item).toMatchObject({ page: 2, section: 'What needs to improve?', heading: 'What needs to improve?' });
      expect(item.paragraph).toBeUndefined();
    }
    // Its words start after the bullet, in the item after it, and end at the full stop.
    expect(items[0]!.start).toEqual({ page: 2, item: 18, offset: 0 });
    expect(items[0]!.end).toEqual({ page: 2, item: 19, offset: 21 });
  });

  it('keeps Devon 2020’s dashed sub-items in the bullet above them', async () => {
    const items = await itemsOf(REPORTS.devon2020);
    expect(items).toHaveLength(8);
    expect(brief(items[0]!)).toEqual({
      text: 'Services to care leavers, including: − sufficiency of accommodation and support available for young people − assessment of risk and safety planning for young people − access for young people to full information about their health histories.',
      page: 2,
      paragraph: undefined,
      section: 'What needs to improve',
      heading: 'What needs to improve',
    });
    expect(items[7]!.text).toBe(
      'Strategic oversight and grip on areas for improvement and oversight of senior leaders, including case audits and supervision.',
    );
  });

  it('lists a focused-visit letter’s areas for priority action, then what needs to improve', async () => {
    const items = await itemsOf(MORE.focusedVisitBcp2020);
    expect(items).toHaveLength(12);
    expect(items.filter((i) => i.heading === 'Areas for priority action')).toHaveLength(2);
    expect(brief(items[0]!)).toEqual({
      text: 'the arrangements for management oversight and quality assurance of social work practice',
      page: 3,
      paragraph: undefined,
      section: 'Areas for priority action',
      heading: 'Areas for priority action',
    });
    expect(brief(items[11]!)).toEqual({
      text: 'The response to electively home-educated children.',
      page: 4,
      paragraph: undefined,
      section: 'What needs to improve in this area of social work practice',
      heading: 'What needs to improve in this area of social work practice',
    });
  });

  it('lists a JTAI letter’s U+F06E bullets under sub-headed priority actions, across a page break', async () => {
    const items = await itemsOf(MORE.jtaiLiverpool2016);
    expect(items).toHaveLength(12);
    expect(items[0]).toMatchObject({
      page: 2,
      section: 'Areas for priority actions — Leadership',
      heading: 'Areas for priority actions',
    });
    expect(items[0]!.text).toMatch(/^Ineffective management oversight means that statutory child protection enquiries/);
    expect(items[2]!.start.page).toBe(2);
    expect(items[2]!.end.page).toBe(3);
    expect(items[2]!.text).toMatch(/^Return home interviews \(after children go missing\).* sexual exploitation\./);
    expect(items[11]).toMatchObject({ page: 5, heading: 'Areas for improvement' });
  });

  it('lists a SIF report’s numbered priority actions and areas for improvement, past its small sub-headings', async () => {
    const items = await itemsOf(MORE.sifDevon2015);
    expect(items).toHaveLength(40);
    expect(brief(items[0]!)).toEqual({
      text: 'Review all those care leavers about whom the local authority does not have up-to-date information and ensure that they are safe.',
      page: 4,
      paragraph: 1,
      section: 'Priority and immediate action',
      heading: 'Priority and immediate action',
    });
    expect(items.map((i) => i.paragraph)).toEqual([
      ...Array.from({ length: 25 }, (_, i) => i + 1),
      ...Array.from({ length: 15 }, (_, i) => i + 155),
    ]);
    expect(brief(items[39]!)).toEqual({
      text: 'Develop stronger links with the Family Justice Board to ensure that it jointly oversees work with children in public and private law proceedings.',
      page: 45,
      paragraph: 169,
      section: 'Areas for improvement',
      heading: 'Areas for improvement',
    });
  });

  it('lists the bullets of a numbered paragraph rather than the paragraph (Kent 2013)', async () => {
    const items = await itemsOf(MORE.preSifKent2013);
    expect(items).toHaveLength(12);
    expect(items[0]!.text).toBe('improve the quality of supervision and management oversight in casework');
    expect(items[11]!.text).toBe(
      'review the arrangements for the independent reviewing services to ensure that the case loads of the independent reviewing officers (IROs) are manageable.',
    );
  });

  it('counts the items of other ILACS reports and letters', async () => {
    const counts = await Promise.all(
      [REPORTS.torbay2026, REPORTS.northNorthamptonshire2026, MORE.ilacsHalton2024, MORE.focusedVisitCamden2023, MORE.jtaiSomerset2024].map(
        async (file) => (await itemsOf(file)).length,
      ),
    );
    expect(counts).toEqual([3, 2, 12, 2, 12]);
  });
});
