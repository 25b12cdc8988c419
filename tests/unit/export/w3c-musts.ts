// The MUSTs of the W3C Web Annotation test suite (github.com/w3c/web-annotation-tests), as our
// own code: each check names the suite's assertion file it comes from, listed by
// collections/collectionMusts.test, collections/pages/pageMusts.test and
// annotations/annotationMusts.test. The suite's JSON Schemas (draft-04, definitions/*.json)
// accept a single value or a one-item array wherever a "single value" is asked for; so do
// these checks. A "URI" is what the schemas' `format: uri` takes: a scheme, a colon, no space.

type Json = Record<string, unknown>;

export interface Violation {
  /** The suite's assertion, e.g. "collections/5.1-collectionIdValidated". */
  assertion: string;
  /** Where in the checked object, e.g. "first.items[2].target.selector[0]". */
  at: string;
}

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const SELECTOR_TYPES = [
  'FragmentSelector',
  'CssSelector',
  'XPathSelector',
  'TextQuoteSelector',
  'TextPositionSelector',
  'DataPositionSelector',
  'SvgSelector',
  'RangeSelector',
];
const TEXT_DIRECTIONS = ['ltr', 'rtl', 'auto'];

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S*$/i.test(v);
const isDateTime = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) &&
  !Number.isNaN(Date.parse(v));
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
/** A single value: the value, or an array of exactly one. */
const one = (v: unknown, ok: (x: unknown) => boolean) =>
  ok(v) || (Array.isArray(v) && v.length === 1 && ok(v[0]));
/** One or more values: the value, or a non-empty array of them. */
const some = (v: unknown, ok: (x: unknown) => boolean) =>
  ok(v) || (Array.isArray(v) && v.length > 0 && v.every(ok));
const absentOr = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);
/** `type` is, or includes, `name`. */
const hasType = (o: Json, name: string) =>
  o.type === name || (Array.isArray(o.type) && o.type.includes(name));
const hasContext = (v: unknown) => v === CONTEXT || (Array.isArray(v) && v.includes(CONTEXT));
const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

class Checker {
  readonly violations: Violation[] = [];
  must(holds: boolean, assertion: string, at: string): void {
    if (!holds) this.violations.push({ assertion, at });
  }
}

/** Every MUST for the collection, its embedded first page and each of that page's annotations. */
export function w3cCollectionViolations(collection: unknown): Violation[] {
  const c = new Checker();
  checkCollection(c, collection);
  if (isRecord(collection) && isRecord(collection.first)) {
    checkPage(c, collection.first, 'first', collection);
    listOf(collection.first.items).forEach((item, i) => checkAnnotation(c, item, `first.items[${i}]`));
  }
  return c.violations;
}

/** The MUSTs for one annotation on its own (as a server would receive it). */
export function w3cAnnotationViolations(annotation: unknown): Violation[] {
  const c = new Checker();
  checkAnnotation(c, annotation, '');
  return c.violations;
}

function checkCollection(c: Checker, value: unknown, at = ''): void {
  const o = isRecord(value) ? value : {};
  const A = 'collections/';
  c.must(hasContext(o['@context']), `${A}5.1-collectionContextValidated`, at);
  c.must(one(o.id, isUri), `${A}5.1-collectionIdValidated`, at);
  c.must(hasType(o, 'AnnotationCollection'), `${A}5.1-collectionTypeValidated`, at);
  c.must(
    absentOr(o.label, (v) => some(v, (s) => typeof s === 'string')),
    `${A}5.1-collectionLabelValidated`,
    at,
  );
  c.must(
    absentOr(o.total, (v) => one(v, isCount)),
    `${A}5.1-collectionTotalValidated`,
    at,
  );
  // firstRequiredIfTotalMoreThanZero: a non-empty collection has one first page, a URI or an AnnotationPage.
  const total = Array.isArray(o.total) ? o.total[0] : o.total;
  const firstOk = one(o.first, (f) => isUri(f) || (isRecord(f) && hasType(f, 'AnnotationPage')));
  c.must(!(isCount(total) && (total as number) > 0) || firstOk, `${A}5.1-collectionFirstValidated`, at);
  c.must(
    absentOr(o.last, (v) => one(v, isUri)),
    `${A}5.1-collectionLastValidated`,
    at,
  );
  checkLifecycle(c, o, at, A, 'collection');
}

/** created, modified (one date-time each) and rights (URIs): 3.3.1 and 3.3.6 of each level. */
function checkLifecycle(c: Checker, o: Json, at: string, dir: string, level: string): void {
  c.must(
    absentOr(o.created, (v) => one(v, isDateTime)),
    `${dir}3.3.1-${level}CreatedValidated`,
    at,
  );
  c.must(
    absentOr(o.modified, (v) => one(v, isDateTime)),
    `${dir}3.3.1-${level}ModifiedValidated`,
    at,
  );
  c.must(
    absentOr(o.rights, (v) => some(v, isUri)),
    `${dir}3.3.6-${level}RightsValidated`,
    at,
  );
}

function checkPage(c: Checker, page: Json, at: string, collection?: Json): void {
  const A = 'collections/pages/';
  // 5.2-pageContextValidated: the page's @context, or its collection's for an embedded page.
  c.must(hasContext(page['@context'] ?? collection?.['@context']), `${A}5.2-pageContextValidated`, at);
  c.must(one(page.id, isUri), `${A}5.2-pageIdValidated`, at);
  c.must(hasType(page, 'AnnotationPage'), `${A}5.2-pageTypeValidated`, at);
  c.must(
    Array.isArray(page.items) &&
      page.items.every((i) => isUri(i) || (isRecord(i) && hasType(i, 'Annotation'))),
    `${A}5.2-pageItemsValidated`,
    at,
  );
  c.must(
    absentOr(page.startIndex, (v) => one(v, isCount)),
    `${A}5.2-pageStartIndexValidated`,
    at,
  );
  c.must(
    absentOr(page.partOf, (v) => one(v, isUri) || (isRecord(v) && one(v.id, isUri))),
    `${A}5.2-pagePartOfValidated`,
    at,
  );
  c.must(
    absentOr(page.next, (v) => one(v, isUri)),
    `${A}5.2-pageNextValidated`,
    at,
  );
  c.must(
    absentOr(page.prev, (v) => one(v, isUri)),
    `${A}5.2-pagePrevValidated`,
    at,
  );
  // The suite reads the collection's total, label, first, last, created, modified and rights in
  // partOf, as the collection's description: its schemas for them require partOf to be an object.
  if (page.partOf === undefined) return;
  const of = `${at}.partOf`;
  if (!isRecord(page.partOf)) {
    for (const name of PART_OF_ASSERTIONS) c.must(false, `${A}${name}`, of);
    return;
  }
  const p = page.partOf;
  c.must(
    absentOr(p.total, (v) => one(v, isCount)),
    `${A}5.2-pageTotalValidated`,
    of,
  );
  c.must(
    absentOr(p.label, (v) => some(v, (s) => typeof s === 'string')),
    `${A}5.2-pageLabelValidated`,
    of,
  );
  c.must(
    absentOr(p.first, (v) => one(v, (f) => isUri(f) || (isRecord(f) && hasType(f, 'AnnotationPage')))),
    `${A}5.2-pageFirstValidated`,
    of,
  );
  c.must(
    absentOr(p.last, (v) => one(v, isUri)),
    `${A}5.2-pageLastValidated`,
    of,
  );
  checkLifecycle(c, p, of, A, 'page');
}

/** The page assertions that read the collection's description in partOf. */
const PART_OF_ASSERTIONS = [
  '5.2-pageTotalValidated',
  '5.2-pageLabelValidated',
  '5.2-pageFirstValidated',
  '5.2-pageLastValidated',
  '3.3.1-pageCreatedValidated',
  '3.3.1-pageModifiedValidated',
  '3.3.6-pageRightsValidated',
];

function checkAnnotation(c: Checker, value: unknown, at: string): void {
  const o = isRecord(value) ? value : {};
  const A = 'annotations/';
  c.must(hasContext(o['@context']), `${A}3.1-annotationContextValidated`, at);
  c.must(one(o.id, isUri), `${A}3.1-annotationIdValidated`, at);
  c.must(hasType(o, 'Annotation'), `${A}3.1-annotationTypeValidated`, at);
  c.must(o.target !== undefined, `${A}3.1-targetKeyFound`, at);
  c.must(!(o.body !== undefined && o.bodyValue !== undefined), `${A}3.2.5-notBodyBodyValue`, at);
  c.must(
    absentOr(o.bodyValue, (v) => one(v, (s) => typeof s === 'string')),
    `${A}3.2.5-bodyValueValidated`,
    at,
  );
  checkLifecycle(c, o, at, A, 'annotation');
  c.must(
    absentOr(o.generated, (v) => one(v, isDateTime)),
    `${A}3.3.1-annotationGeneratedValidated`,
    at,
  );
  c.must(
    absentOr(o.canonical, (v) => one(v, isUri)),
    `${A}3.3.7-annotationCanonicalValidated`,
    at,
  );
  c.must(
    absentOr(o.via, (v) => some(v, isUri)),
    `${A}3.3.7-annotationViaValidated`,
    at,
  );
  listOf(o.target).forEach((t, i) => {
    const where = `${at}.target${Array.isArray(o.target) ? `[${i}]` : ''}`;
    // 3.2-targetObjectsRecognized: exactly one of a URI, a Choice, a SpecificResource, an External Web Resource.
    c.must(targetKinds(t) === 1, `${A}3.2-targetObjectsRecognized`, where);
    checkResource(c, t, where, 'targ', o);
  });
  listOf(o.body).forEach((b, i) => {
    const where = `${at}.body${Array.isArray(o.body) ? `[${i}]` : ''}`;
    // 3.2-bodyObjectsRecognized: any of those, or an Embedded Textual Body.
    c.must(targetKinds(b) > 0 || isTextualBody(b), `${A}3.2-bodyObjectsRecognized`, where);
    checkResource(c, b, where, 'body', o);
  });
}

const isChoice = (v: unknown): v is Json =>
  isRecord(v) && v.type === 'Choice' && Array.isArray(v.items) && v.items.length > 0;
const isSpecificResource = (v: unknown): v is Json =>
  isRecord(v) &&
  (isUri(v.source) || isExternalWebResource(v.source)) &&
  ['purpose', 'selector', 'state', 'styleClass', 'renderedVia', 'scope'].some((k) => v[k] !== undefined);
/** What the suite takes for an External Web Resource: an id that is a URI, and no source or target. */
const isExternalWebResource = (v: unknown): v is Json =>
  isRecord(v) && one(v.id, isUri) && v.source === undefined && v.target === undefined;
const isTextualBody = (v: unknown): v is Json => isRecord(v) && typeof v.value === 'string';

function targetKinds(v: unknown): number {
  return [isUri(v), isChoice(v), isSpecificResource(v), isExternalWebResource(v)].filter(Boolean).length;
}

/** The bodiesTargets and specificResource assertions, for a body or target (`role`) and its Choice's items. */
function checkResource(c: Checker, v: unknown, at: string, role: 'body' | 'targ', annotation: Json): void {
  if (!isRecord(v)) return;
  const B = 'annotations/bodiesTargets/';
  const S = 'annotations/specificResource/';
  const levels: Array<[Json, string]> = [[v, at]];
  if (isRecord(v.source)) levels.push([v.source, `${at}.source`]);
  for (const [o, where] of levels) {
    c.must(
      absentOr(o.textDirection, (d) => one(d, (x) => TEXT_DIRECTIONS.includes(x as string))),
      `${B}3.2.1-${role}TextDirectionValidated`,
      where,
    );
    c.must(
      absentOr(o.created, (d) => one(d, isDateTime)),
      `${B}3.3.1-${role}CreatedValidated`,
      where,
    );
    c.must(
      absentOr(o.modified, (d) => one(d, isDateTime)),
      `${B}3.3.1-${role}ModifiedValidated`,
      where,
    );
    c.must(
      absentOr(o.rights, (d) => some(d, isUri)),
      `${B}3.3.6-${role}RightsValidated`,
      where,
    );
    c.must(
      absentOr(o.canonical, (d) => one(d, isUri)),
      `${B}3.3.7-${role}CanonicalValidated`,
      where,
    );
    c.must(
      absentOr(o.via, (d) => some(d, isUri)),
      `${B}3.3.7-${role}ViaValidated`,
      where,
    );
  }
  const members = isChoice(v) ? [v, ...(v.items as unknown[]).filter(isRecord)] : [v];
  for (const m of members) {
    if (isExternalWebResource(m)) {
      c.must(m.items === undefined, `${B}3.2.7-${role}EWRNoItems`, at);
      c.must(m.purpose === undefined, `${B}3.3.5-${role}EWRNoPurpose`, at);
    }
    if (isSpecificResource(m)) {
      c.must(m.items === undefined, `${B}3.2.7-${role}SpecificResourceNoItems`, at);
      c.must(m.value === undefined, `${B}4-${role}SpecificResourceNoValue`, at);
    }
    if (role === 'body' && isTextualBody(m)) {
      c.must(m.items === undefined, `${B}3.2.7-bodyEmbeddedTextualNoItems`, at);
      c.must(m.source === undefined, `${B}4-bodyEmbeddedTextualNoSource`, at);
    }
    if (role === 'targ') {
      const textual = isTextualBody(m) && hasType(m, 'TextualBody') && !one(m.id, isUri);
      c.must(!textual, `${B}3.2.4-targNoTypeTextualBody`, at);
    }
    checkSelectorsAndStates(c, m, at, S, annotation);
  }
  if (isChoice(v)) {
    c.must(v.value === undefined, `${B}3.2.4-${role}ChoiceSetNoValue`, at);
    c.must(v.source === undefined, `${B}4-${role}ChoiceSetNoSource`, at);
    c.must(v.purpose === undefined, `${B}3.3.5-${role}ChoiceSetNoPurpose`, at);
  }
}

function checkSelectorsAndStates(c: Checker, o: Json, at: string, S: string, annotation: Json): void {
  listOf(o.selector).forEach((s, i) =>
    checkSelector(c, s, `${at}.selector${Array.isArray(o.selector) ? `[${i}]` : ''}`, S),
  );
  listOf(o.state).forEach((s, i) =>
    checkState(c, s, `${at}.state${Array.isArray(o.state) ? `[${i}]` : ''}`, S),
  );
  // 4.4-styleClassValidIfPresent: a styleClass needs the annotation's stylesheet.
  c.must(
    o.styleClass === undefined || annotation.stylesheet !== undefined,
    `${S}4.4-styleClassValidIfPresent`,
    at,
  );
}

function checkSelector(c: Checker, s: unknown, at: string, S: string): void {
  if (isUri(s)) return;
  const o = isRecord(s) ? s : {};
  const known = typeof o.type === 'string' && SELECTOR_TYPES.includes(o.type);
  // 4.2-selectorValidIfPresent: a URI, an object with an id, or one of the model's selectors.
  c.must(known || one(o.id, isUri), `${S}4.2-selectorValidIfPresent`, at);
  if (['FragmentSelector', 'CssSelector', 'XPathSelector'].includes(o.type as string)) {
    c.must(typeof o.value === 'string', `${S}4.2-fragmentCssXPathSelectorValid`, at);
    c.must(
      o.type !== 'FragmentSelector' || absentOr(o.conformsTo, isUri),
      `${S}4.2-fragmentCssXPathSelectorValid`,
      at,
    );
  }
  if (o.type === 'TextQuoteSelector') {
    const text = (v: unknown) => typeof v === 'string';
    c.must(
      text(o.exact) && absentOr(o.prefix, text) && absentOr(o.suffix, text),
      `${S}4.2.4-textQuoteSelectorValid`,
      at,
    );
  }
  if (o.type === 'TextPositionSelector' || o.type === 'DataPositionSelector') {
    c.must(isCount(o.start) && isCount(o.end), `${S}4.2-TextDataPositionSelectorValid`, at);
  }
  if (o.type === 'SvgSelector') {
    c.must((typeof o.value === 'string') !== one(o.id, isUri), `${S}4.2.7-svgSelectorValid`, at);
  }
  if (o.type === 'RangeSelector') {
    const selector = (v: unknown) =>
      isRecord(v) && SELECTOR_TYPES.includes(v.type as string) && v.type !== 'RangeSelector';
    c.must(selector(o.startSelector) && selector(o.endSelector), `${S}4.2.8-rangeSelectorValid`, at);
  }
  checkRefinedBy(c, o, at, S);
}

function checkState(c: Checker, s: unknown, at: string, S: string): void {
  if (isUri(s)) return;
  const o = isRecord(s) ? s : {};
  c.must(
    ['TimeState', 'HttpRequestState'].includes(o.type as string) || one(o.id, isUri),
    `${S}4.3-stateValidIfPresent`,
    at,
  );
  if (o.type === 'TimeState') {
    const single =
      o.sourceDate !== undefined && o.sourceDateStart === undefined && o.sourceDateEnd === undefined;
    const range = o.sourceDate === undefined && isDateTime(o.sourceDateStart) && isDateTime(o.sourceDateEnd);
    c.must((single && some(o.sourceDate, isDateTime)) || range, `${S}4.3.1-timeStateValid`, at);
  }
  if (o.type === 'HttpRequestState')
    c.must(typeof o.value === 'string', `${S}4.3.2-httpRequestStateValid`, at);
  checkRefinedBy(c, o, at, S);
}

/** 4.3.3-refinedByValidated: a selector's or state's refinement is a URI, an id, or a selector or state the model knows. */
function checkRefinedBy(c: Checker, o: Json, at: string, S: string): void {
  listOf(o.refinedBy).forEach((r, i) => {
    const where = `${at}.refinedBy${Array.isArray(o.refinedBy) ? `[${i}]` : ''}`;
    const known =
      isRecord(r) && [...SELECTOR_TYPES, 'TimeState', 'HttpRequestState'].includes(r.type as string);
    c.must(isUri(r) || known || (isRecord(r) && one(r.id, isUri)), `${S}4.3.3-refinedByValidated`, where);
    if (isRecord(r) && SELECTOR_TYPES.includes(r.type as string)) checkSelector(c, r, where, S);
    else if (isRecord(r)) checkState(c, r, where, S);
  });
}
