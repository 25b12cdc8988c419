import { createSuggester, type ThemeText } from '../../../lib/suggest';
import { severityEvidence, splitAtContrast } from '../../../lib/suggest/severity';

/** The default themes with DESIGN.md's "covers" column. */
const THEMES: ThemeText[] = [
  {
    id: 'leadership',
    label: 'Leadership, governance and corporate parenting',
    description:
      "senior leaders' grip and stability, improvement plans, political and corporate support, scrutiny",
  },
  {
    id: 'oversight',
    label: 'Management oversight and supervision',
    description: "managers' direction and challenge, supervision quality and frequency, recorded decisions",
  },
  {
    id: 'qa-data',
    label: 'Performance data and quality assurance',
    description: 'performance information, audits, QA framework, accuracy of self-evaluation',
  },
  {
    id: 'workforce',
    label: 'Workforce stability and caseloads',
    description: 'recruitment, retention, agency staff, turnover, caseloads, practice model, training',
  },
  {
    id: 'partnership',
    label: 'Multi-agency working',
    description: 'police, health, schools, the safeguarding partnership, information sharing',
  },
  {
    id: 'early-help',
    label: 'Early help and family help',
    description: 'targeted early help, family hubs, waiting lists, step-up and step-down',
  },
  {
    id: 'front-door',
    label: 'Front door and thresholds',
    description: 'contacts and referrals, MASH, consent, consistency of thresholds, re-referrals',
  },
  {
    id: 'cp-response',
    label: 'Immediate protection',
    description:
      'strategy discussions, child protection enquiries, children seen promptly, repeat investigations',
  },
  {
    id: 'assessment',
    label: 'Assessment quality',
    description: 'analysis, history, professional curiosity, timeliness of assessments',
  },
  {
    id: 'planning',
    label: 'Plans, reviews and conferences',
    description: 'plans linked to risk, contingency plans, conferences, reviewing officers',
  },
  { id: 'neglect', label: 'Neglect', description: 'recognising and responding to chronic neglect' },
  {
    id: 'domestic-abuse',
    label: 'Domestic abuse',
    description: 'children living with domestic abuse, work with perpetrators',
  },
  {
    id: 'extra-familial',
    label: 'Exploitation and extra-familial harm',
    description: 'exploitation, missing children, contextual safeguarding',
  },
  {
    id: 'legal-permanence',
    label: 'Pre-proceedings, court work and permanence',
    description: 'Public Law Outline, care proceedings, permanence, adoption, special guardianship',
  },
  {
    id: 'children-in-care',
    label: 'Children in care',
    description: 'sufficiency and stability of homes, health, education, family time',
  },
  {
    id: 'care-leavers',
    label: 'Care leavers',
    description: 'personal advisers, pathway plans, accommodation, education and work',
  },
  {
    id: 'voice',
    label: 'Voice, identity and lived experience',
    description: 'children seen alone, direct work, wishes and feelings, advocacy',
  },
  {
    id: 'timeliness',
    label: 'Timeliness, drift and delay',
    description: 'children seen too slowly, plans that drift',
  },
];

const PRIVATE_FOSTERING: ThemeText = {
  id: 'user-private-fostering',
  label: 'Private fostering',
  description: 'private fostering arrangements, notifications',
};

describe('suggest', () => {
  it("suggests a user's own theme from its description alone", () => {
    const suggester = createSuggester([...THEMES, PRIVATE_FOSTERING]);
    const { themes } = suggester.suggest({
      text: 'Notifications of private fostering arrangements are not always followed up, so the local authority does not know where some of these children live.',
    });
    expect(themes[0]).toBe('user-private-fostering');
  });

  it('suggests the theme a passage is plainly about, with no learned examples', () => {
    const suggester = createSuggester(THEMES);
    expect(
      suggester.suggest({
        text: 'Personal advisers keep in touch with care leavers and help them to find suitable accommodation; pathway plans are up to date.',
      }).themes,
    ).toContain('care-leavers');
    expect(
      suggester.suggest({
        text: 'Strategy discussions are held promptly when children are at risk, and child protection enquiries are thorough.',
      }).themes[0],
    ).toBe('cp-response');
  });

  it('never suggests an id that is not among the themes passed in', () => {
    const some = THEMES.filter((t) => ['neglect', 'voice', 'planning'].includes(t.id));
    const suggester = createSuggester(some, [
      {
        text: 'Children missing from home are not always offered a return interview.',
        themes: ['extra-familial', 'voice'],
        severity: 3,
      },
    ]);
    suggester.learn({
      text: 'Exploitation risks are well understood by the police.',
      themes: ['extra-familial', 'partnership'],
      severity: 1,
    });
    const { themes } = suggester.suggest({
      text: 'Children missing from home and at risk of exploitation are seen by the police.',
    });
    const allowed = new Set(some.map((t) => t.id));
    for (const id of themes) expect(allowed.has(id)).toBe(true);
  });

  it('suggests at most three themes, none twice', () => {
    const suggester = createSuggester(THEMES);
    const { themes } = suggester.suggest({
      text: 'Leaders, managers, the police, health partners and schools work together on neglect, domestic abuse, exploitation, care leavers, assessments, plans, supervision and audits.',
    });
    expect(themes.length).toBeLessThanOrEqual(3);
    expect(new Set(themes).size).toBe(themes.length);
  });

  it('gives something sane for an empty or very short passage', () => {
    const suggester = createSuggester(THEMES);
    for (const text of ['', '   ', 'the', 'Neglect.']) {
      const s = suggester.suggest({ text });
      expect(s.themes.length).toBeLessThanOrEqual(3);
      expect([0, 1, 2, 3, 4]).toContain(s.severity);
    }
    expect(suggester.suggest({ text: '' }).themes).toEqual([]);
    expect(suggester.suggest({ text: 'Neglect.' }).themes[0]).toBe('neglect');
  });

  it('works with no themes at all', () => {
    const suggester = createSuggester([]);
    suggester.learn({ text: 'Supervision is regular.', themes: ['oversight'], severity: 1 });
    expect(suggester.suggest({ text: 'Supervision is regular and reflective.' }).themes).toEqual([]);
  });

  it("learns a user's habit: a similar passage then gets the theme they used", () => {
    const suggester = createSuggester(THEMES);
    const passage = {
      text: 'Young carers are identified at school and offered respite breaks and a carers assessment.',
    };
    expect(suggester.suggest(passage).themes).not.toContain('voice');
    for (const text of [
      'Young carers receive respite breaks and their caring responsibilities are recognised.',
      'Schools identify young carers, and respite breaks help them to cope with caring at home.',
      'The young carers service offers respite and activities for children who care for a parent.',
    ]) {
      suggester.learn({ text, themes: ['voice'], severity: 1 });
    }
    expect(suggester.suggest(passage).themes[0]).toBe('voice');
  });

  it('takes learned examples given at creation as learned one by one', () => {
    const examples = [
      { text: 'Young carers receive respite breaks.', themes: ['voice'], severity: 1 as const },
      { text: 'Schools identify young carers and offer respite.', themes: ['voice'], severity: 1 as const },
    ];
    const atOnce = createSuggester(THEMES, examples);
    const oneByOne = createSuggester(THEMES);
    for (const e of examples) oneByOne.learn(e);
    const passage = { text: 'Young carers are offered respite breaks by the school.' };
    expect(atOnce.suggest(passage)).toEqual(oneByOne.suggest(passage));
  });

  it('takes the theme from the judgement section heading the passage sits under', () => {
    const suggester = createSuggester(THEMES);
    const text =
      'Most young people have up-to-date plans that they have helped to write, and they know who to contact.';
    expect(
      suggester.suggest({ text, section: 'The experiences and progress of care leavers' }).themes[0],
    ).toBe('care-leavers');
    expect(
      suggester.suggest({ text, section: 'The experiences and progress of children in care' }).themes[0],
    ).toBe('children-in-care');
  });
});

describe('suggest severity', () => {
  const suggester = createSuggester(THEMES);
  const sev = (text: string, section?: string, grade?: string) =>
    suggester.suggest({ text, section, grade }).severity;

  it('reads an item under "What needs to improve?" as needs improvement', () => {
    const text =
      'The quality and impact of management oversight and supervision, so that plans for children progress without delay.';
    expect(sev(text, 'What needs to improve?')).toBe(3);
    expect(sev('The effectiveness of strategy discussions.', 'What needs to improve?')).toBe(3);
  });

  it('reads an area for priority action as a serious concern, even in neutral words', () => {
    expect(
      sev(
        'Review all those care leavers who are living in unregulated accommodation.',
        'Areas for priority action',
      ),
    ).toBe(4);
  });

  it('reads serious weaknesses and risk of harm as a serious concern', () => {
    expect(
      sev(
        'There are serious weaknesses in the response to children at risk of harm, leaving too many in harmful circumstances.',
      ),
    ).toBe(4);
  });

  it('reads serious words in the negative as needs improvement, not serious concern', () => {
    expect(
      sev(
        'Inspectors found some shortfalls in practice. These are not widespread or serious and children have not been left at risk of harm.',
      ),
    ).toBe(3);
  });

  it('reads "not always" and "inconsistent" as needs improvement', () => {
    expect(
      sev(
        'Assessments are not always updated when circumstances change, and the quality of plans is inconsistent.',
      ),
    ).toBe(3);
  });

  it('reads "beginning to" and "too soon" as improving, not yet embedded', () => {
    expect(
      sev(
        'A new practice model is beginning to improve the quality of work, but it is too soon to see the impact for all children.',
      ),
    ).toBe(2);
  });

  it('reads "effective" and "strong" as a strength', () => {
    expect(sev('Strategy discussions are timely and effective, and multi-agency attendance is strong.')).toBe(
      1,
    );
  });

  it('reads background facts as context', () => {
    expect(
      sev('Since the last inspection, a new director of children’s services was appointed in March 2024.'),
    ).toBe(0);
  });

  it('leans on the grade of the section when the wording leaves the level open', () => {
    const text = 'Children’s plans are reviewed by managers, and conferences are held.';
    expect(sev(text, 'The experiences and progress of children in care', 'Inadequate')).toBeGreaterThan(
      sev(text, 'The experiences and progress of children in care', 'Outstanding'),
    );
  });

  it("learns a user's severity habit", () => {
    const learner = createSuggester(THEMES);
    const text = 'Caseloads are high in the assessment teams.';
    const before = learner.suggest({ text }).severity;
    for (const t of [
      'Caseloads are high in the children in need teams.',
      'Caseloads are high for many social workers.',
      'Caseloads are high and rising in the assessment service.',
      'High caseloads in the assessment teams.',
    ]) {
      learner.learn({ text: t, themes: ['workforce'], severity: 4 });
    }
    expect(before).not.toBe(4);
    expect(learner.suggest({ text }).severity).toBe(4);
  });
});

describe('suggest severity: contrasts, negations and the learned correction', () => {
  const suggester = createSuggester(THEMES);
  const sev = (text: string) => suggester.suggest({ text }).severity;

  it('stresses the main clause over a concession that follows it ("Y, although X")', () => {
    expect(
      sev('Reviews of care plans are often late for some children, although reviewing officers are well liked.'),
    ).toBe(3);
  });

  it('stresses the main clause over a concession that opens the sentence ("Although X, Y")', () => {
    expect(
      sev('Although the new duty team is well regarded, visits to children are not always recorded on time.'),
    ).toBe(3);
  });

  it('treats "not yet" as a cue, not as a contrast at "yet"', () => {
    expect(severityEvidence('Return interviews are not yet offered to every child who goes missing.').cues).toEqual(
      expect.arrayContaining(['not-yet']),
    );
  });

  it('reads "a small but significant number" as "some", not as a contrast at "but"', () => {
    expect(splitAtContrast('a small but significant number of children wait for a placement.')).toHaveLength(1);
    expect(sev('A small but significant number of children wait for a placement near home.')).toBe(3);
  });

  it('reads a delay said not to happen as a strength', () => {
    expect(sev('Tracking of court work is robust, so children do not experience delay in securing permanence.')).toBe(1);
  });

  it('does not read a delay to be avoided in a purpose clause as a strength', () => {
    expect(severityEvidence('Managers need to act so that children do not experience drift.').cues).not.toContain(
      'no-delay',
    );
  });

  it('claims no strength in a sentence that denies one', () => {
    expect(sev('Audit findings are clear, but they are not used effectively to change practice.')).toBe(3);
  });

  it('gives the more concerning level when a strength and a shortcoming weigh the same', () => {
    // One strength cue ("well") and one shortcoming cue ("limited") of equal weight.
    expect(sev('Foster carers are supported well and training is limited.')).toBe(3);
  });

  it('does not read "early help" as timeliness', () => {
    expect(severityEvidence('Families are referred to early help services by schools.').cues).not.toContain('timely');
  });

  it('reads unregistered homes, inappropriate decisions and frequent changes of worker as shortcomings', () => {
    expect(sev('Several children live in unregistered homes far from their families.')).toBe(3);
    expect(sev('Referrals are inappropriately closed by the duty team.')).toBe(3);
    expect(sev('Children have frequent changes of social worker.')).toBe(3);
  });

  it('does not read a conditional "should a child need" as a recommendation', () => {
    expect(severityEvidence('Should a child need an interpreter, one is arranged.').cues).not.toContain('improve');
  });

  it('does not read "taken seriously" as a serious concern', () => {
    expect(severityEvidence('Concerns raised by young people are taken seriously.').cues).not.toContain('serious');
  });

  it('does not count "a number of" as "some"', () => {
    expect(severityEvidence('Families benefit from a number of family hubs.').cues).not.toContain('some');
  });

  it('lets learning move the wording\'s level by one step at most', () => {
    const learner = createSuggester(THEMES);
    // Ratings that tie the strength cue "well" to a serious concern, in other words each time.
    const subjects = ['Panels', 'Boards', 'Hubs', 'Teams', 'Forums', 'Groups', 'Services', 'Clinics'];
    const verbs = ['meet', 'report', 'plan', 'share data', 'record', 'train', 'review', 'audit'];
    for (const subject of subjects)
      for (const verb of verbs)
        learner.learn({ text: `${subject} ${verb} well.`, themes: ['partnership'], severity: 4 });
    const text = 'Personal advisers know care leavers well and keep in touch with them.';
    expect(sev(text)).toBe(1);
    expect(learner.suggest({ text }).severity).toBeLessThanOrEqual(2);
  });
});

describe('suggest from memory', () => {
  it('gives a quote seen again the themes and severity the user gave it before', () => {
    const suggester = createSuggester(THEMES);
    const quote =
      'Senior leaders have not ensured that the quality of social work practice is understood, and audits are not moderated.';
    suggester.learn({ text: quote, themes: ['qa-data', 'leadership'], severity: 4 });
    const again = suggester.suggest({ text: `“${quote}”` });
    expect(again.themes.slice(0, 2)).toEqual(['qa-data', 'leadership']);
    expect(again.severity).toBe(4);
  });

  it('still learns severity from an example whose theme is retired, and never suggests that theme', () => {
    const active = THEMES.filter((t) => t.id !== 'neglect');
    const suggester = createSuggester(active, [
      { text: 'Chronic neglect goes unrecognised for years.', themes: ['neglect'], severity: 4 },
      { text: 'Chronic neglect goes unrecognised in many families.', themes: ['neglect'], severity: 4 },
    ]);
    const s = suggester.suggest({ text: 'Chronic neglect goes unrecognised for years.' });
    expect(s.themes).not.toContain('neglect');
    expect(s.severity).toBe(4);
  });
});
