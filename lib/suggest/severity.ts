/**
 * Severity from a passage's own wording: hand-written cues taken from DESIGN.md's severity
 * table and the labelling conventions of shared/fixtures/suggestions/README.md (serious words
 * in the negative, "not always", "beginning to", "too soon", "some", "effective"). Nothing
 * here is fitted to a labelled passage.
 */

export type Level = 0 | 1 | 2 | 3 | 4;

interface Cue {
  level: Level;
  weight: number;
  re: RegExp;
  /** Feature name the learned model sees when the cue fires. */
  name: string;
}

function cue(level: Level, weight: number, name: string, re: RegExp): Cue {
  return { level, weight, name, re };
}

/** Serious words said in the negative ("not widespread or serious", "not left at risk"). */
const NEGATED_SERIOUS =
  /\b(?:not|nor|neither) (?:\w+ )?(?:widespread|serious|systemic|unsafe|inadequate)\b|\b(?:not|never) (?:been )?(?:left|placed|put|exposed) (?:\w+ )?(?:at|to) (?:\w+ )?(?:risk|harm)|\bno (?:child|children|young people)\b[^.;]{0,40}\bat (?:\w+ )?risk|\bwithout (?:leaving|placing)[^.;]{0,30}risk/;

/**
 * A delay said not to happen or prevented: "children do not experience delay", "without drift",
 * "helps to prevent drift", "avoiding unnecessary delay".
 */
const NEGATED_SHORTCOMING =
  /\b(?:without|no|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|(?:do|does|did) not (?:experience|face|suffer)|no longer (?:experience|face|suffer))(?: [a-z'-]+){0,2}? (?:delays?|drift)\b/;
const NEGATED_SHORTCOMINGS = new RegExp(NEGATED_SHORTCOMING.source, 'g');
/** A clause that states an aim: what follows is wanted, not found. */
const PURPOSE = /\b(?:ensur(?:e|es|ing)|so that|in order|aim(?:s|ed|ing)?|to help|help(?:s|ed)? to|to)(?: that)?(?: [a-z'-]+){0,4} ?$/;

/** "serious" as part of a name, not a judgement ("serious youth violence", "taken seriously"). */
const SERIOUS =
  /\bserious\b(?! youth| case| incident| violence| crime| organised| sexual| injur)|\bseriously(?<!taken seriously)\b/;

const CUES: Cue[] = [
  // 4: serious concern
  cue(4, 3, 'serious', SERIOUS),
  cue(
    4,
    3,
    'significant-weakness',
    /\bsignificant(?:ly)? (?:\w+ ){0,2}(?:weakness|failing|failure|shortfall|shortcoming|deficit|deficienc|concern|gap|delay|negative)/,
  ),
  cue(4, 3, 'inadequate', /\binadequate\b|\bunsatisfactory\b|\bnot fit for purpose\b/),
  cue(4, 3, 'unsafe', /\bunsafe\b|\bnot (?:feel )?safe\b/),
  cue(
    4,
    3.5,
    'risk-of-harm',
    /\brisk of (?:\w+ ){0,2}harm|\bsignificant risk\b|\brisk of being harmed|\b(?:left|remain|remaining|living|live|lives) (?:\w+ ){0,4}(?:at (?:\w+ )?risk|in (?:harmful|neglectful|unsafe|dangerous) (?:circumstances|situations|environments|homes))|\bharmful (?:circumstances|situations|environments)|\bsuffer (?:neglect|harm|abuse)|\bchance of harm/,
  ),
  cue(
    4,
    2.5,
    'widespread',
    /\bwidespread\b|\bsystemic\b|\bendemic\b|\bpervasive\b|\bvast majority\b[^.]{0,40}\bnot\b/,
  ),
  cue(4, 2.5, 'too-many', /\btoo many\b|\bfar too\b|\bthe majority of\b[^.]{0,40}\b(?:not|no)\b/),
  cue(
    4,
    2.5,
    'largely-absent',
    /\b(?:largely|wholly|completely|entirely) (?:absent|ineffective|missing)|\bvery poor\b|\bpoor[- ]quality\b|\bmostly poor\b|\brarely\b|\bno (?:\w+ )?(?:quality assurance|oversight|management oversight|strategy|plans?|systems?)\b[^.]{0,20}\bin place|\blet down\b/,
  ),
  cue(
    4,
    2,
    'most-not',
    /\b(?:most|many) [a-z' ]{0,40}\b(?:do not|does not|are not|did not|were not|have not|had not|fail)\b/,
  ),
  cue(
    4,
    3,
    'priority-action',
    /\bpriority (?:and immediate )?action|\bimmediate action\b|\burgent(?:ly)? (?:action|attention|improvement)|\b(?:address|act|improve) urgently\b/,
  ),
  // "When children are at risk of harm, ..." describes which children, not what happens to them.
  cue(
    4,
    -2.5,
    'risk-conditional',
    /\b(?:when|where|if|whether|who are|who may be) (?:\w+ ){0,4}(?:at (?:a )?(?:\w+ )?risk of|risk of)/,
  ),
  cue(4, 1.5, 'failed', /\bfail(?:ed|s|ing|ure)? to\b|\bfailures?\b/),
  cue(4, 1.5, 'deteriorat', /\bdeteriorat|\bdeclin/),

  // 3: needs improvement
  cue(3, 2, 'inconsistent', /\binconsisten|\bnot consistent(?:ly)?\b/),
  cue(3, 2, 'variable', /\bvariab|\bvar(?:y|ies|ied)\b|\buneven\b|\bmixed\b/),
  cue(
    3,
    2,
    'not-always',
    /\bnot always\b|\bnot all\b|\bnot routinely\b|\bnot sufficiently\b|\bnot (?:fully|well|clear|effective|timely|robust)/,
  ),
  cue(3, 1.5, 'some', /\bsome\b|\ba (?:very )?small (?:but [a-z]+ )?(?:number|minority|proportion|group)s? of\b|\ba minority of\b|\ba few\b/),
  cue(
    3,
    1.5,
    'delay',
    /\bdelay|\bdrift|\btoo long\b|\btoo slow|\bslow(?:er|ly)?\b|\bnot (?:seen|completed|held|visited) (?:promptly|quickly|soon)|\blate\b|\bwaiting\b/,
  ),
  cue(3, 1.5, 'too', /\btoo (?!many\b|soon\b|early\b|much\b)[a-z]+|\bover-optimis|\bovertly|\boverly\b/),
  cue(
    3,
    1.5,
    'weak',
    /\bweak|\bgaps?\b|\binsufficient|\blimited\b|\black(?:s|ing)?\b|\bpoor(?:ly)?\b|\bunclear\b|\bineffective|\bless (?:effective|well|clear)|\bbelow\b|\bshortfall|\bmissed opportunit|\b(?:is|are|remains?|too|very) low\b(?! base)|\bunder[- ]?developed\b|\bstrained\b|\bdiminish|\bunfilled\b|\binappropriate(?:ly)?\b|\blimit(?:s|ing)\b|\bunregistered\b|\b(?:frequent|numerous|multiple|repeated) changes? (?:of|in) (?:their )?(?:social workers?|workers?|placements?|carers?)\b|\bno (?:joined|clear|consistent|systematic|functional)/,
  ),
  cue(
    3,
    1,
    'negation',
    /\b(?:do|does|did|is|are|was|were|has|have|had) not\b|\bn't\b|\bno (?:evidence|clear|consistent)\b|\bnever\b|\bcannot\b/,
  ),
  cue(
    3,
    2,
    'improve',
    /\bneeds? to [a-z]+|\bshould\b(?! (?:a|an|any|the|there|they|it)\b)|\brequires? improvement|\bimprove (?:the|their|how)\b|\bcould be improved\b|\barea(?:s)? for (?:improvement|development)\b|\bmore (?:work|to do)\b|\bstrengthen\b/,
  ),

  // 2: improving, not yet embedded
  cue(2, 2.5, 'beginning', /\b(?:beginning|starting|started|begun|begin|starts?) to\b/),
  cue(
    2,
    2.5,
    'too-soon',
    /\btoo (?:soon|early)\b|\bearly (?:stage|days|signs)|\bin (?:its|their) infancy\b|\bstill being (?:embedded|developed|implemented)/,
  ),
  // "Not yet" is a shortcoming that a passage about new work reads as not yet embedded (2) and
  // one about established practice as a gap (3): it leans both ways, the other cues decide.
  cue(2, 1.25, 'not-yet', /\bnot yet\b|\byet to\b/),
  cue(3, 1.25, 'not-yet-done', /\bnot yet\b|\byet to\b/),
  cue(
    2,
    1.5,
    'recent',
    /\brecent(?:ly)?\b|\bnew(?:ly)?\b|\bemerging\b|\bdeveloping\b|\bin progress\b|\bpilot/,
  ),
  cue(
    2,
    1.5,
    'improving',
    /\bimproving\b|\bimprovements? (?:are|is|has|have) (?:being|been) made\b|\bsome improvements?\b|\bfrom a (?:low|very low) base\b|\bprogress\b|\bmoving in the right direction\b|\btrajectory\b|\bbecoming\b|\bstrengthening\b|\bcontinu(?:e|es|ing) to (?:improve|develop)/,
  ),
  cue(
    2,
    1,
    'plans',
    /\bplans? to\b|\bintend|\bwill (?:be|help|enable|provide)\b|\bhave (?:introduced|implemented|developed|commissioned)|\bhas (?:introduced|implemented|developed|commissioned)/,
  ),

  // 1: strength
  cue(1, 2, 'effective', /\beffective(?:ly)?\b|\beffectiveness\b/),
  cue(
    1,
    2,
    'strong',
    /\bstrong(?:ly)?\b|\bstrength|\brobust\b|\bthorough|\bcomprehensive\b|\bhigh[- ]quality\b|\bexcellent|\boutstanding\b|\bexceptional|\bimpressive(?:ly)?\b|\bsophisticated\b|\btenaci/,
  ),
  cue(
    1,
    1.5,
    'timely',
    /\btimely\b|\bprompt(?:ly)?\b|\bswift(?:ly)?\b|\bquickly\b|\bwithout delay\b|\bearly\b(?! help| years| intervention)|\bwithin \d+ (?:hours|days)/,
  ),
  cue(
    1,
    1.5,
    'well',
    /\b[a-z]+ (?:very |really )?well\b|\bwell[- ][a-z]+|\bgood\b|\bpositive(?:ly)?\b|\bbenefit|\bappropriate(?:ly)?\b|\bsucce(?:ss|ed)|\bconfident(?:ly)?\b|\bskilled\b|\bsensitive(?:ly)?\b|\bmeaningful|\bcreative(?:ly)?\b|\bcommitted\b|\bclear(?:ly)?\b|\bcarefully\b|\bconsistent(?:ly)?\b|\bimprove(?:d|ments) (?:in|to)\b|\bimproved\b|\baccurate(?:ly)?\b|\bmanageable\b|\bstable\b|\bvalued\b/,
  ),
  cue(1, 1, 'now', /\bnow\b|\bhas (?:led|resulted)\b/),

  // 0: context, scope, method
  cue(
    0,
    1.5,
    'scope',
    /\b(?:this|the) (?:visit|inspection|inspectors?|monitoring visit|focused visit)\b[^.]{0,40}\b(?:looked|considered|evaluated|focused|reviewed|met|spoke|examined|took place|was carried out)|\binspectors (?:looked|considered|evaluated|reviewed|met|spoke|examined)|\bthis (?:letter|report) (?:summarises|sets out|describes)/,
  ),
  cue(
    0,
    1.5,
    'fact',
    /\bsince the (?:last|previous) (?:inspection|visit)\b[^.]{0,60}\b(?:appointed|changed|changes|has had|there have been)|\b(?:was|were|has been|have been) appointed\b|\bappointments? of\b|\bchanges? (?:of|to|in|across) (?:the )?(?:senior|leadership|director|dcs|chief|lead member)|\btook up (?:post|the post)|\binterim\b|\bpopulation\b|\b(?:in|since|from) (?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4}/,
  ),
];

/**
 * An item of "What needs to improve?" or a recommendation, recognised by its form: a noun
 * phrase with no main verb ("The quality of ...", "The effectiveness of ...") or an
 * instruction ("Ensure that ...", "Improve ...").
 */
const IMPROVEMENT_ITEM =
  /^the (?:[a-z-]+ ){1,3}(?:of|for|in)\b(?![^.]*\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|cannot|could|will|would|should|must|may|remains?|continues?|leads?|led|results?|means|knows?|makes?|provides?|ensures?|receives?|shows?|takes?|gets?|lacks?)\b)/;
const INSTRUCTION =
  /^(?:ensure|review|improve|enhance|strengthen|develop|establish|increase|reduce|make sure|implement|provide|address)\b/;

/**
 * Contrast words. After "but", "however", "nevertheless" or a clause-opening "yet" comes the
 * finding a report stresses; "although", "though", "while", "whereas" and "despite" open a
 * concession, the finding the report sets aside ("X works well, although Y" stresses X). "Yet"
 * in "not yet" and "yet to" is no contrast, and neither is "but" between two words of degree
 * ("a small but significant number").
 */
const CONTRAST =
  /(?<![a-z]+ (?:small|slow|modest|gradual|limited|minor|low|few|brief)(?:er)? )\bbut\b|\bhowever\b|\bnevertheless\b|(?:^|[,;.] ?|\band )yet\b(?! to\b)|\b(?:although|though|whereas|despite|while)\b/;
const CONCESSION = /^(?:although|though|whereas|despite|while)$/;

export interface SeverityEvidence {
  /** Score per level 0..4 from the wording. */
  scores: number[];
  /** Names of the cues that fired (features for the learned model). */
  cues: string[];
}

/** Scores each severity level from the passage's wording. */
export function severityEvidence(text: string): SeverityEvidence {
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'");
  const scores = [0, 0, 0, 0, 0];
  const fired = new Set<string>();
  const add = (level: Level, w: number) => (scores[level] = (scores[level] ?? 0) + w);
  // Cut at contrast words; the clause the contrast stresses weighs more ("X is good, but Y").
  const trimmed = lower.trim();
  if (INSTRUCTION.test(trimmed) || IMPROVEMENT_ITEM.test(trimmed)) {
    add(3, 4);
    fired.add('improvement-item');
  }
  for (const clause of splitAtContrast(lower)) {
    const { stress } = clause;
    // "Children do not experience delay", "without drift": a shortcoming said not to happen.
    let part = clause.text;
    if (NEGATED_SHORTCOMING.test(part)) {
      const achieved = [...part.matchAll(NEGATED_SHORTCOMINGS)].some((m) => !PURPOSE.test(part.slice(0, m.index)));
      part = part.replace(NEGATED_SHORTCOMINGS, ' ; ');
      // In a purpose clause ("to ensure that children do not experience delay") it is an aim.
      if (achieved) {
        add(1, 1.5 * stress);
        fired.add('no-delay');
      }
    }
    const negatedSerious = NEGATED_SERIOUS.test(part);
    const claimed = claimedStrengths(part);
    for (const c of CUES) {
      if (!c.re.test(part)) continue;
      if (c.level === 4 && negatedSerious && c.name !== 'priority-action') {
        // "not widespread or serious", "not left at risk of harm": a 3, not a 4.
        add(3, c.weight * stress * 0.8);
        fired.add(`not-${c.name}`);
        continue;
      }
      // "inconsistent" also contains "consistent"; "not effective" is not a strength.
      if (c.level === 1 && !c.re.test(claimed)) {
        add(3, 0.5 * stress);
        fired.add(`not-${c.name}`);
        continue;
      }
      add(c.level, c.weight * stress);
      fired.add(c.name);
    }
  }
  return { scores, cues: [...fired] };
}

interface Clause {
  text: string;
  /** 1.5 for the clause a contrast stresses, 1 otherwise. */
  stress: number;
}

/**
 * The passage cut at its contrast words, each piece weighted by the stress the contrast gives
 * it: the last clause after "but"/"however" is stressed; without one, the clauses outside a
 * concession are ("Although X, Y" and "Y, although X" both stress Y).
 */
export function splitAtContrast(text: string): Clause[] {
  const parts: { text: string; kind: 'main' | 'stressed' | 'concession' }[] = [];
  let rest = text;
  let kind: 'main' | 'stressed' | 'concession' = 'main';
  for (let guard = 0; guard < 8; guard++) {
    const m = CONTRAST.exec(rest);
    if (!m) break;
    const word = m[0].replace(/^[,;.]? ?(?:and )?/, '');
    const head = rest.slice(0, m.index);
    if (head.trim()) parts.push({ text: head, kind });
    rest = rest.slice(m.index + m[0].length);
    if (CONCESSION.test(word)) {
      // The concession runs to the next comma when it opens a sentence ("Although X, Y"), else
      // to the end of the sentence ("Y, although X.").
      const opensSentence = !head.trim() || /[.;:]\s*$/.test(head);
      const end = opensSentence ? rest.search(/[,;.]/) : rest.search(/[.;]/);
      if (end < 0) {
        kind = 'concession';
        continue;
      }
      parts.push({ text: rest.slice(0, end), kind: 'concession' });
      rest = rest.slice(end + 1);
      kind = 'main';
    } else kind = 'stressed';
  }
  if (rest.trim()) parts.push({ text: rest, kind });
  if (parts.length <= 1) return [{ text, stress: 1 }];
  const lastStressed = parts.map((p) => p.kind).lastIndexOf('stressed');
  return parts.map((p, i) => ({
    text: p.text,
    stress: (lastStressed >= 0 ? i === lastStressed : p.kind === 'main') ? 1.5 : 1,
  }));
}

/** A negation that reaches the next few words ("not always effective", "lack of clear"). */
const NEGATION =
  /\b(?:not(?! only)|no|never|nor|neither|without|lack(?:s|ing)?(?: of)?|no longer|fail(?:s|ed|ing)? to)\b|n't\b|\bless (?=[a-z]+$)/;

/** The strength cues, made global once to find every match. */
const STRENGTH_CUES = CUES.filter((c) => c.level === 1).map((c) => new RegExp(c.re.source, 'g'));

/** A strength word under a negation in the few words before it ("not always effective"). */
function negatedAt(text: string, index: number): boolean {
  const before = text.slice(0, index).split(/[.;:]/).pop() ?? '';
  return NEGATION.test(before.trim().split(/\s+/).slice(-7).join(' '));
}

/**
 * The sentences of a clause that claim a strength: a sentence that denies one ("this learning
 * is not used effectively") claims none, whatever other praise words it carries.
 */
function claimedStrengths(part: string): string {
  return part
    .split(/(?<=[.;:])/)
    .filter(
      (sentence) =>
        !STRENGTH_CUES.some((re) => [...sentence.matchAll(re)].some((m) => negatedAt(sentence, m.index))),
    )
    .join(' ');
}

/** What a section heading says of severity, if anything. */
export function sectionSeverity(section: string | undefined): Level | null {
  if (!section) return null;
  const s = section.toLowerCase();
  if (/priority action|immediate action|priority and immediate/.test(s)) return 4;
  if (/what needs to improve|areas? for improvement|areas? for development|recommendation|next steps/.test(s))
    return 3;
  return null;
}

/** A judgement's grade as printed, as a gentle lean on severity (the wording still decides). */
export function gradeLean(grade: string | undefined): number[] | null {
  if (!grade) return null;
  const g = grade.toLowerCase();
  if (/inadequate/.test(g)) return [0, -1, 0, 0.5, 1.5];
  if (/requires improvement|adequate/.test(g)) return [0, -0.5, 0.5, 1, 0];
  if (/outstanding/.test(g)) return [0, 1.5, 0, -0.5, -1];
  if (/good/.test(g)) return [0, 1, 0.3, 0, -1];
  return null;
}
