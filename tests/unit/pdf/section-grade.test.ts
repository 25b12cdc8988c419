import { gradeOfSection } from '../../../lib/pdf/section-grade';

const ILACS = {
  judgements: [
    { judgement: 'The impact of leaders on social work practice with children and families', grade: 'Inadequate' },
    { judgement: 'The experiences and progress of children who need help and protection', grade: 'Inadequate' },
    { judgement: 'The experiences and progress of children in care', grade: 'Requires improvement to be good' },
    { judgement: 'The experiences and progress of care leavers', grade: 'Good' },
    { judgement: 'Overall effectiveness', grade: 'Inadequate' },
  ],
};

describe('gradeOfSection', () => {
  it("gives the grade of the judgement whose section holds the passage, however the heading words it", () => {
    expect(gradeOfSection(ILACS, 'The experiences and progress of care leavers')).toBe('Good');
    expect(gradeOfSection(ILACS, 'The experiences and progress of children who need help and protection: inadequate')).toBe(
      'Inadequate',
    );
    expect(gradeOfSection(ILACS, 'Children in care')).toBe('Requires improvement to be good');
  });

  it('gives none for a section that is no judgement, or a report without grades', () => {
    expect(gradeOfSection(ILACS, 'What needs to improve?')).toBeUndefined();
    expect(gradeOfSection({ judgements: [] }, 'Care leavers')).toBeUndefined();
    expect(gradeOfSection(null, 'Care leavers')).toBeUndefined();
    expect(gradeOfSection(ILACS, undefined)).toBeUndefined();
  });
});
