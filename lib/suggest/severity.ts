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

/** "serious" as part of a name, not a judgement ("serious youth violence", "taken seriously"). */
const SERIOUS =
  /\bserious(?! youth| case| incident| violence| crime| organised| sexual| injur)|\bseriously(?<!taken seriously)\b/;

const CUES: Cue[] = [
  // 4: serious concern
  cue(4, 3, 'serious', SERIOUS),
  cue(
    4,
    3,
    'significant-weakness',
    /\bsignificant(?:ly)? (?:\w+ )?(?:weakness|failing|failure|shortfall|shortcoming|deficit|deficienc|concern|gap|delay|negative)/,
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
  cue(3, 1.5, 'some', /\bsome\b|\ba (?:small |very small )?(?:number|minority) of\b|\ba few\b/),
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
    /\bweak|\bgaps?\b|\binsufficient|\blimited\b|\black(?:s|ing)?\b|\bpoor(?:ly)?\b|\bunclear\b|\bineffective|\bless (?:effective|well|clear)|\bbelow\b|\bshortfall|\bmissed opportunit|\b(?:is|are|remains?|too|very) low\b|\bunder[- ]?developed\b|\bstrained\b|\bunfilled\b|\bno (?:joined|clear|consistent|systematic|functional)/,
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
    /\bneeds? to [a-z]+|\bshould\b|\brequires? improvement|\bimprove (?:the|their|how)\b|\bcould be improved\b|\barea(?:s)? for (?:improvement|development)\b|\bmore (?:work|to do)\b|\bstrengthen\b/,
  ),

  // 2: improving, not yet embedded
  cue(2, 2.5, 'beginning', /\b(?:beginning|starting|started|begun|begin|starts?) to\b/),
  cue(
    2,
    2.5,
    'too-soon',
    /\btoo (?:soon|early)\b|\bnot yet\b|\byet to\b|\bearly (?:stage|days|signs)|\bin (?:its|their) infancy\b|\bstill being (?:embedded|developed|implemented)/,
  ),
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
    /\btimely\b|\bprompt(?:ly)?\b|\bswift(?:ly)?\b|\bquickly\b|\bwithout delay\b|\bearly\b|\bwithin \d+ (?:hours|days)/,
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

/** Contrast words: the clause after them is the one a report stresses. */
const CONTRAST = /\b(?:but|however|although|though|whereas|despite|nevertheless|yet|while)\b/;

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
  // Split at contrast words; later parts weigh more ("X is good, but Y").
  const trimmed = lower.trim();
  if (INSTRUCTION.test(trimmed) || IMPROVEMENT_ITEM.test(trimmed)) {
    add(3, 4);
    fired.add('improvement-item');
  }
  const parts = splitAtContrast(lower);
  parts.forEach((part, i) => {
    const stress = parts.length > 1 && i === parts.length - 1 ? 1.5 : 1;
    const negatedSerious = NEGATED_SERIOUS.test(part);
    for (const c of CUES) {
      if (!c.re.test(part)) continue;
      if (c.level === 4 && negatedSerious && c.name !== 'priority-action') {
        // "not widespread or serious", "not left at risk of harm": a 3, not a 4.
        add(3, c.weight * stress * 0.8);
        fired.add(`not-${c.name}`);
        continue;
      }
      // "inconsistent" also contains "consistent"; "not effective" is not a strength.
      if (c.level === 1 && cancelledStrength(part)) {
        add(3, 0.5 * stress);
        fired.add(`not-${c.name}`);
        continue;
      }
      add(c.level, c.weight * stress);
      fired.add(c.name);
    }
  });
  return { scores, cues: [...fired] };
}

function splitAtContrast(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let guard = 0; guard < 6; guard++) {
    const m = CONTRAST.exec(rest);
    if (!m) break;
    const head = rest.slice(0, m.index);
    // A contrast word that opens a sentence ("Although X, Y") puts the stress after the comma.
    if (head.trim().length < 3 && /^(?:although|though|while|whereas|despite)$/.test(m[0])) {
      const comma = rest.indexOf(',', m.index);
      if (comma < 0) break;
      parts.push(rest.slice(0, comma));
      rest = rest.slice(comma + 1);
      continue;
    }
    if (head.trim()) parts.push(head);
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest.trim()) parts.push(rest);
  return parts.length ? parts : [text];
}

/** A strength word under a negation ("not effective", "not consistently", "ineffective"). */
function cancelledStrength(part: string): boolean {
  return /\bless (?:effective|strong|robust|timely|good|clear|consistent|appropriate|well)|\b(?:not|no|never|without|lack of|no longer)\b(?:[ ,]+[a-z'-]+){0,7}?[ ,]+(?:always |yet |sufficiently |consistently )?(?:effective(?:ly)?|strong|robust|timely|good|clear|consistent(?:ly)?|appropriate(?:ly)?|comprehensive|well)\b/.test(
    part,
  );
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
