import type { ReportDetails } from '../model';

/** Words that judgement names and section headings word differently or share without meaning. */
const FILLER = /\b(?:the|of|and|for|who|to|be|in|experiences|progress|children’s|children's|services)\b/g;

const key = (text: string) =>
  text.toLowerCase().replace(FILLER, ' ').replace(/[^a-z]+/g, ' ').trim();

/**
 * The grade a report gives the judgement whose section holds a passage: the judgement whose
 * name and the section heading say the same once their shared words are set aside
 * ("The experiences and progress of children in care" → "Children in care").
 */
export function gradeOfSection(
  details: Pick<ReportDetails, 'judgements'> | null | undefined,
  section: string | undefined,
): string | undefined {
  if (!details || !section) return undefined;
  const heading = key(section);
  if (heading === '') return undefined;
  const match = details.judgements.find(({ judgement }) => {
    const name = key(judgement);
    return name !== '' && (name === heading || name.includes(heading) || heading.includes(name));
  });
  return match?.grade;
}
