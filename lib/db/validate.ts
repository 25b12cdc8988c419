// Checks what senders hand over before it is stored, and what export files hold before it is
// read. Each check returns a clean copy holding only the model's fields, or throws a
// FieldError whose message can be shown to the user and whose field names the bad part.

import type {
  Annotation,
  AnnotationChanges,
  AnnotationDraft,
  Citation,
  Person,
  ReportDetails,
  Selector,
  Theme,
  VisitType,
} from '../model';
import { isSeverity } from '../taxonomy/severity';
import { butIs, fail, show, within } from './field-error';
import { MAX_THEME_DESCRIPTION, MAX_THEME_LABEL } from './themes';

export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_NOTE_LENGTH = 10_000;
/** The longest section heading, local authority, printed dates, judgement or grade. */
export const MAX_LABEL_LENGTH = 300;
/** The longest outcome an ungraded inspection prints (Area SEND's run to a few sentences). */
export const MAX_OUTCOME_LENGTH = 1000;
/** The most judgements a report's grade table can list (ILACS has four). */
export const MAX_JUDGEMENTS = 20;

const VISIT_TYPE_NAMES: Record<VisitType, true> = {
  'standard inspection': true,
  'short inspection': true,
  'focused visit': true,
  'monitoring visit': true,
  'joint targeted area inspection': true,
  'single inspection framework inspection': true,
  'looked after children inspection': true,
  'safeguarding inspection': true,
  'joint area review': true,
  'area SEND inspection': true,
};
export const VISIT_TYPES = Object.keys(VISIT_TYPE_NAMES) as VisitType[];

const SELECTOR_TYPES = new Set<string>(['TextQuoteSelector', 'TextPositionSelector']);
const COLOUR = /^#[0-9a-f]{6}$/i;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const count = (n: number) => n.toLocaleString('en-GB');

/** A new annotation's content: quote, selectors, themes, severity, note and, for reports, citation. */
export function checkDraft(
  draft: unknown,
  themeIds: ReadonlySet<string>,
  { quoteMayWait = false } = {},
): AnnotationDraft {
  if (!isRecord(draft)) fail('', 'The annotation is missing');
  const { quote } = draft;
  const waiting = quote === '' && quoteMayWait;
  if (typeof quote !== 'string' || (quote.trim() === '' && !waiting)) fail('quote', 'The quote is empty');
  if (quote.length > MAX_QUOTE_LENGTH) {
    fail('quote', `The quote is longer than ${count(MAX_QUOTE_LENGTH)} characters`);
  }
  const selectors = within('selectors', () => checkSelectors(draft.selectors, 'refuse', { quoteMayWait }));
  if (waiting && !isWaitingForQuote(selectors)) fail('quote', 'The quote is empty');
  if (!waiting && isWaitingForQuote(selectors)) {
    fail('quote', 'An annotation found by position alone has no quote until its page is opened');
  }
  const changes = checkChanges(draft, themeIds);
  if (draft.citation === undefined) return { quote, selectors, ...changes };
  return { quote, selectors, ...changes, citation: within('citation', () => checkCitation(draft.citation)) };
}

/** The editable part: themes (known ids, duplicates dropped), severity and note. */
export function checkChanges(changes: unknown, themeIds: ReadonlySet<string>): AnnotationChanges {
  if (!isRecord(changes)) fail('', 'The changes are missing');
  const { themes, severity, note } = changes;
  if (!Array.isArray(themes)) fail('themes', 'Themes must be a list of theme ids');
  themes.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !themeIds.has(id)) fail(`themes[${i}]`, `Unknown theme: ${show(id)}`);
  });
  if (!isSeverity(severity))
    fail('severity', `Severity must be -1 (unrated), 0, 1, 2, 3 or 4${butIs(severity)}`);
  if (typeof note !== 'string') fail('note', 'The note must be text');
  if (note.length > MAX_NOTE_LENGTH) {
    fail('note', `The note is longer than ${count(MAX_NOTE_LENGTH)} characters`);
  }
  return { themes: [...new Set(themes as string[])], severity, note };
}

/** A whole annotation (for undo, or read from a file): a valid draft plus id, url and timestamps. */
export function checkAnnotation(annotation: unknown, themeIds: ReadonlySet<string>): Annotation {
  if (!isRecord(annotation)) fail('', 'The annotation is missing');
  const { id, url, createdAt, updatedAt } = annotation;
  if (typeof id !== 'string' || id === '') fail('id', 'The annotation has no id');
  if (typeof url !== 'string' || url === '') fail('url', 'The annotation has no document address');
  if (!isTimestamp(createdAt)) fail('createdAt', 'The annotation has invalid dates');
  if (!isTimestamp(updatedAt)) fail('updatedAt', 'The annotation has invalid dates');
  return {
    id,
    url,
    ...checkDraft(annotation, themeIds, { quoteMayWait: true }),
    createdAt,
    updatedAt,
    ...checkAuthorship(annotation),
  };
}

/** Who wrote an annotation in a team space, and the notes kept from conflicting edits. */
function checkAuthorship(
  annotation: Record<string, unknown>,
): Pick<Annotation, 'author' | 'editor' | 'alsoEdited'> {
  const { author, editor, alsoEdited } = annotation;
  const checked: Pick<Annotation, 'author' | 'editor' | 'alsoEdited'> = {};
  if (author !== undefined) checked.author = within('author', () => checkPerson(author));
  if (editor !== undefined) checked.editor = within('editor', () => checkPerson(editor));
  if (alsoEdited !== undefined) {
    if (!Array.isArray(alsoEdited)) fail('alsoEdited', 'The other edits must be a list');
    checked.alsoEdited = alsoEdited.map((entry, i) =>
      within(`alsoEdited[${i}]`, () => {
        if (!isRecord(entry)) fail('', 'An other edit must be an object');
        if (typeof entry.note !== 'string' || entry.note.length > MAX_NOTE_LENGTH) {
          fail('note', 'An other edit must have a note');
        }
        if (!isTimestamp(entry.at)) fail('at', 'An other edit has an invalid date');
        return { note: entry.note, by: within('by', () => checkPerson(entry.by)), at: entry.at };
      }),
    );
  }
  return checked;
}

function checkPerson(person: unknown): Person {
  if (!isRecord(person)) fail('', 'A person must be an object');
  const { user, name } = person;
  if (typeof user !== 'string' || user === '' || user.length > MAX_LABEL_LENGTH)
    fail('user', 'A person has no user name');
  if (typeof name !== 'string' || name.length > MAX_LABEL_LENGTH) fail('name', 'A person has no name');
  return { user, name };
}

/** Page (from 1), last page (kept only when it is a later page), paragraph (from 1) and section heading. */
export function checkCitation(citation: unknown): Citation {
  if (!isRecord(citation)) fail('', 'The citation must be an object');
  const { page, pageEnd, paragraph, section } = citation;
  if (page === undefined) fail('page', 'The citation has no page');
  if (!isCounting(page)) fail('page', `The page must be a whole number from 1${butIs(page)}`);
  const clean: Citation = { page };
  if (pageEnd !== undefined) {
    if (!isCounting(pageEnd) || pageEnd < page) {
      fail('pageEnd', `The last page must be a whole number from ${page} (the first page)${butIs(pageEnd)}`);
    }
    if (pageEnd !== page) clean.pageEnd = pageEnd;
  }
  if (paragraph !== undefined) {
    if (!isCounting(paragraph)) {
      fail('paragraph', `The paragraph must be a whole number from 1${butIs(paragraph)}`);
    }
    clean.paragraph = paragraph;
  }
  if (section !== undefined) clean.section = checkLabel(section, 'section', 'The section heading');
  return clean;
}

/** What a report says about itself: local authority, visit type, inspection dates and judgements. */
export function checkDetails(details: unknown): ReportDetails {
  if (!isRecord(details)) fail('', 'The report details must be an object');
  const { localAuthority, visitType, inspectionDates, judgements, outcome } = details;
  return {
    localAuthority: checkLabel(localAuthority, 'localAuthority', 'The local authority'),
    visitType: checkVisitType(visitType),
    inspectionDates: within('inspectionDates', () => checkInspectionDates(inspectionDates)),
    judgements: within('judgements', () => checkJudgements(judgements)),
    ...(outcome !== undefined && { outcome: checkOutcome(outcome) }),
  };
}

/** A theme read from a file: id, label, colour and description if any; `order` unless it has its own, and in use unless retired. */
export function checkTheme(theme: unknown, order: number): Theme {
  if (!isRecord(theme)) fail('', 'The theme must be an object');
  const { id, label, color } = theme;
  if (typeof id !== 'string' || id === '') fail('id', 'The theme has no id');
  if (id.length > MAX_THEME_LABEL) fail('id', `The theme id is longer than ${MAX_THEME_LABEL} characters`);
  if (typeof label !== 'string') fail('label', 'The theme label must be text');
  if (label.trim().length > MAX_THEME_LABEL) {
    fail('label', `The theme label is longer than ${MAX_THEME_LABEL} characters`);
  }
  // Only #rrggbb: the colour is written into style attributes, where `url(…)` would fetch.
  if (typeof color !== 'string' || !COLOUR.test(color)) {
    fail('color', `The theme colour must be written #rrggbb, for example #3949ab${butIs(color)}`);
  }
  const ownOrder = theme.order === undefined ? order : theme.order;
  if (typeof ownOrder !== 'number' || !Number.isFinite(ownOrder)) {
    fail('order', 'The theme order must be a number');
  }
  const retired = theme.retired === undefined ? false : theme.retired;
  if (typeof retired !== 'boolean') fail('retired', 'The theme retired flag must be true or false');
  const { description } = theme;
  if (description !== undefined && typeof description !== 'string') {
    fail('description', 'The theme description must be text');
  }
  if (typeof description === 'string' && description.length > MAX_THEME_DESCRIPTION) {
    fail('description', `The theme description is longer than ${MAX_THEME_DESCRIPTION} characters`);
  }
  return { id, label, ...(description !== undefined && { description }), color, order: ownOrder, retired };
}

/**
 * The selectors of the kinds the model knows, at least one of them a TextQuoteSelector (or,
 * when `quoteMayWait`, a TextPositionSelector: an import whose quote is read from the page
 * when it is first opened). A selector of another kind is refused, or dropped when
 * `otherKinds` is 'drop' (export files may carry kinds that later writers add).
 */
export function checkSelectors(
  selectors: unknown,
  otherKinds: 'refuse' | 'drop' = 'refuse',
  { quoteMayWait = false } = {},
): Selector[] {
  if (!Array.isArray(selectors)) fail('', 'Selectors must be a list');
  const clean: Selector[] = [];
  selectors.forEach((selector: unknown, i) => {
    if (otherKinds === 'drop' && isOtherKind(selector)) return;
    clean.push(within(`[${i}]`, () => checkSelector(selector)));
  });
  if (clean.some((s) => s.type === 'TextQuoteSelector')) return clean;
  if (quoteMayWait && isWaitingForQuote(clean)) return clean;
  return fail(
    '',
    quoteMayWait
      ? 'At least one TextQuoteSelector or TextPositionSelector is required'
      : 'At least one TextQuoteSelector is required',
  );
}

/** Found by position alone, its quote not yet read from the page (see checkSelectors). */
export function isWaitingForQuote(selectors: readonly Selector[]): boolean {
  return (
    selectors.some((s) => s.type === 'TextPositionSelector') &&
    !selectors.some((s) => s.type === 'TextQuoteSelector')
  );
}

function isOtherKind(selector: unknown): boolean {
  return isRecord(selector) && typeof selector.type === 'string' && !SELECTOR_TYPES.has(selector.type);
}

function checkSelector(selector: unknown): Selector {
  if (!isRecord(selector)) fail('', 'A selector is not an object');
  switch (selector.type) {
    case 'TextQuoteSelector': {
      const { exact, prefix, suffix } = selector;
      if (typeof exact !== 'string' || exact === '')
        fail('exact', 'A TextQuoteSelector has an empty exact text');
      if (typeof prefix !== 'string' || typeof suffix !== 'string') {
        const field = typeof prefix !== 'string' ? 'prefix' : 'suffix';
        fail(field, 'A TextQuoteSelector needs a prefix and a suffix (possibly empty)');
      }
      return { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
    case 'TextPositionSelector': {
      const { start, end } = selector;
      if (!isOffset(start) || !isOffset(end) || end < start) {
        const field = isOffset(start) ? 'end' : 'start';
        fail(field, 'A TextPositionSelector needs whole-number offsets with start <= end');
      }
      return { type: 'TextPositionSelector', start, end };
    }
    default:
      if (selector.type === undefined) return fail('type', 'A selector has no type');
      return fail('type', `Unknown selector type: ${show(selector.type)}`);
  }
}

function checkVisitType(visitType: unknown): VisitType {
  if (typeof visitType === 'string' && Object.hasOwn(VISIT_TYPE_NAMES, visitType)) {
    return visitType as VisitType;
  }
  const names = VISIT_TYPES.map(show).join(', ');
  return fail('visitType', `The visit type must be one of ${names}${butIs(visitType)}`);
}

function checkInspectionDates(dates: unknown): ReportDetails['inspectionDates'] {
  if (!isRecord(dates)) fail('', 'The inspection dates must be an object with text, start and end');
  const { text, start, end } = dates;
  const printed = checkLabel(text, 'text', 'The text of the inspection dates');
  if (!isCalendarDate(start)) {
    fail('start', `The first inspection day must be a date (yyyy-mm-dd)${butIs(start)}`);
  }
  if (!isCalendarDate(end)) {
    fail('end', `The last inspection day must be a date (yyyy-mm-dd)${butIs(end)}`);
  }
  if (end < start) fail('end', `The last inspection day (${end}) is before the first (${start})`);
  return { text: printed, start, end };
}

function checkOutcome(outcome: unknown): string {
  if (typeof outcome !== 'string' || outcome.trim() === '') fail('outcome', 'The outcome must be text');
  if (outcome.length > MAX_OUTCOME_LENGTH) {
    fail('outcome', `The outcome is longer than ${MAX_OUTCOME_LENGTH} characters`);
  }
  return outcome;
}

function checkJudgements(judgements: unknown): ReportDetails['judgements'] {
  if (!Array.isArray(judgements)) fail('', 'The judgements must be a list');
  if (judgements.length > MAX_JUDGEMENTS) fail('', `A report has at most ${MAX_JUDGEMENTS} judgements`);
  return judgements.map((row: unknown, i) =>
    within(`[${i}]`, () => {
      if (!isRecord(row)) fail('', 'A judgement must be an object with judgement and grade');
      return {
        judgement: checkLabel(row.judgement, 'judgement', 'The judgement'),
        grade: checkLabel(row.grade, 'grade', 'The grade'),
      };
    }),
  );
}

/** Short text that is not blank, such as a heading or a name. */
function checkLabel(value: unknown, field: string, name: string): string {
  if (typeof value !== 'string') fail(field, `${name} must be text`);
  if (value.trim() === '') fail(field, `${name} is empty`);
  if (value.length > MAX_LABEL_LENGTH) fail(field, `${name} is longer than ${MAX_LABEL_LENGTH} characters`);
  return value;
}

/** A whole number from 1: pages and paragraphs. */
function isCounting(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** An ISO 8601 date and time with its offset, as toISOString() writes it. */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}):\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  // Date.parse takes 30 February and 24:00 (as the next day): they are not times a writer gives.
  return (
    parts !== null && isCalendarDate(parts[1]) && Number(parts[2]) < 24 && !Number.isNaN(Date.parse(value))
  );
}

/** A day that exists, written yyyy-mm-dd. */
function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
