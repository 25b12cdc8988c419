// An annotation's bodies as the model keeps them. By purpose: tagging and classifying give
// themes, assessing the severity, and commenting, describing or any other purpose (or none)
// the note; a body with no purpose takes the annotation's motivation when that is tagging,
// classifying or assessing. A body that is a web address (an IRI, or a SpecificResource's
// source) becomes a line "Link: <address>" in the note; Choice, Composite and List bodies give
// each of their items. What does not fit the model comes across in the note, never lost: an
// unknown or second severity ("Assessment: …") and a tag too long for a theme ("Tag: …").

import { fail, shorten, show, within } from '../db/field-error';
import { MAX_THEME_LABEL, slug } from '../db/themes';
import { isRecord } from '../db/validate';
import type { Severity } from '../model';
import { SEVERITY_LEVELS, severityLabel, UNRATED } from '../taxonomy/severity';
import { EXT } from './read-w3c-extension';
import { asList, hasType, iriOf, isWebAddress, type Json } from './read-w3c-json';
import { SKIP, type Fact, type SkipReason } from './read-w3c-log';
import { THEME_ID_PREFIX } from './w3c';

/** A theme as a tag names it. */
export interface Tag {
  id: string;
  label: string;
}

export interface BodyContent {
  tags: Tag[];
  severity: Severity;
  note: string;
  facts: Fact[];
  /** Bodies left out, each with its place in the annotation ("body[2]"). */
  problems: Array<{ place: string; why: SkipReason }>;
}

const THEME_PURPOSES = new Set(['tagging', 'classifying']);
const GROUP_TYPES = ['Choice', 'Composite', 'List', 'Independents'];

interface Reading {
  motivation?: string;
  tags: Tag[];
  texts: string[];
  lines: string[];
  severity?: Severity;
  facts: Fact[];
  problems: BodyContent['problems'];
}

/** Themes, severity and note from the annotation's bodies and its `bodyValue`; unrated without a severity. */
export function readBodies(item: Json): BodyContent {
  const reading: Reading = { tags: [], texts: [], lines: [], facts: [], problems: [] };
  const motivation = asList(item.motivation).find((m) => typeof m === 'string' && isModelPurpose(m));
  if (typeof motivation === 'string') reading.motivation = motivation.replace(/^oa:/, '');
  const many = Array.isArray(item.body);
  asList(item.body).forEach((body, i) => readBody(body, many ? `body[${i}]` : 'body', reading));
  if (item.bodyValue !== undefined) {
    if (typeof item.bodyValue !== 'string') fail('bodyValue', 'The note must be text');
    if (item.bodyValue !== '') reading.texts.push(item.bodyValue);
  }
  const seen = new Set<string>();
  return {
    tags: reading.tags.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id))),
    severity: reading.severity ?? UNRATED,
    note: [...reading.texts, reading.lines.join('\n')].filter((part) => part !== '').join('\n\n'),
    facts: reading.facts,
    problems: reading.problems,
  };
}

const isModelPurpose = (purpose: string) =>
  THEME_PURPOSES.has(purpose.replace(/^oa:/, '')) || purpose.replace(/^oa:/, '') === 'assessing';

/** Choices of bodies nest; deeper than this the body is not read (nor the stack overflowed). */
const MAX_NESTING = 16;

function readBody(body: unknown, place: string, reading: Reading, depth = 0): void {
  if (typeof body === 'string') return readLink(body, place, reading);
  if (!isRecord(body) || depth > MAX_NESTING)
    return void reading.problems.push({ place, why: SKIP.unreadableBody });
  if (GROUP_TYPES.some((type) => hasType(body, type)) && Array.isArray(body.items)) {
    body.items.forEach((one: unknown, i) => readBody(one, `${place}.items[${i}]`, reading, depth + 1));
    return;
  }
  const purpose = purposeOf(body, reading.motivation);
  if (hasType(body, 'TextualBody') || (body.value !== undefined && body.source === undefined)) {
    within(place, () => readTextual(body, purpose, reading));
    return;
  }
  // A resource: the SpecificResource's source, or the external resource itself.
  const address = iriOf(body.source) ?? iriOf(body);
  if (purpose !== undefined && THEME_PURPOSES.has(purpose) && address?.startsWith(THEME_ID_PREFIX)) {
    within(place, () => readTag(body, reading));
  } else if (address !== undefined) readLink(address, place, reading);
  else reading.problems.push({ place, why: SKIP.unreadableBody });
}

function readLink(address: string, place: string, reading: Reading): void {
  if (isWebAddress(address.trim())) reading.lines.push(`Link: ${address.trim()}`);
  else reading.problems.push({ place, why: SKIP.unreadableBody });
}

/** The body's first purpose the model uses (else its first purpose), or the annotation's motivation. */
function purposeOf(body: Json, motivation: string | undefined): string | undefined {
  const purposes = asList(body.purpose)
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.replace(/^oa:/, ''));
  return purposes.find(isModelPurpose) ?? purposes[0] ?? motivation;
}

function readTextual(body: Json, purpose: string | undefined, reading: Reading): void {
  if (purpose !== undefined && THEME_PURPOSES.has(purpose)) readTag(body, reading);
  else if (purpose === 'assessing') readAssessment(body, reading);
  else {
    const text = readText(body);
    if (text !== '') reading.texts.push(text);
  }
}

/**
 * A tag: its theme id from the extension's property (version 2) or an id or source
 * `urn:ofsted-annotator:theme:<encoded id>` (version 1), else a slug of its text.
 */
function readTag(body: Json, reading: Reading): void {
  const label = typeof body.value === 'string' ? body.value.trim() : '';
  const id = extensionThemeId(body);
  if (id !== undefined)
    return void reading.tags.push({ id, label: label && label.length <= MAX_THEME_LABEL ? label : id });

  if (label === '') return; // A blank tag names nothing.
  if (label.length > MAX_THEME_LABEL) {
    reading.lines.push(`Tag: ${label}`);
    reading.facts.push({ kind: 'longTag' });
    return;
  }
  reading.tags.push({ id: slug(label), label });
}

/** The theme id the extension's own export gives a tag, if it does. */
function extensionThemeId(body: Json): string | undefined {
  const own = body[EXT.theme];
  if (own !== undefined) {
    if (typeof own !== 'string' || own === '') fail(EXT.theme, 'The theme id must be text');
    if (own.length > MAX_THEME_LABEL)
      fail(EXT.theme, `The theme id is longer than ${MAX_THEME_LABEL} characters`);
    return own;
  }
  const link = [body.id, body.source].find((v) => typeof v === 'string' && v.startsWith(THEME_ID_PREFIX));
  if (typeof link !== 'string' || link.length === THEME_ID_PREFIX.length) return undefined;
  const id = decodeThemeId(link.slice(THEME_ID_PREFIX.length));
  if (id.length > MAX_THEME_LABEL) fail('id', `The theme id is longer than ${MAX_THEME_LABEL} characters`);
  return id;
}

function decodeThemeId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fail('id', `The theme id ${show(encoded)} is not correctly encoded`);
  }
}

/**
 * A severity: the extension property's level if present, else the level whose label the text
 * is (case ignored). The first known one counts; any other goes into the note.
 */
function readAssessment(body: Json, reading: Reading): void {
  const level = body[EXT.severity];
  let known: Severity | undefined;
  if (level !== undefined) {
    known = SEVERITY_LEVELS.find((s) => s.level === level)?.level;
    if (known === undefined) {
      fail(EXT.severity, `The severity must be -1 (unrated), 0, 1, 2, 3 or 4, not ${show(level)}`);
    }
  }
  let text: string;
  if (known !== undefined) text = typeof body.value === 'string' ? body.value.trim() : severityLabel(known);
  else {
    text = readText(body).trim();
    if (text === '') return;
    known = SEVERITY_LEVELS.find((s) => s.label.toLowerCase() === text.toLowerCase())?.level;
    if (known === undefined) {
      reading.lines.push(`Assessment: ${text}`);
      reading.facts.push({ kind: 'unknownSeverity', example: shorten(text) });
      return;
    }
  }
  if (reading.severity === undefined) {
    reading.severity = known;
    return;
  }
  reading.lines.push(`Assessment: ${text}`);
  if (!reading.facts.some((f) => f.kind === 'severalSeverities'))
    reading.facts.push({ kind: 'severalSeverities' });
}

function readText(body: Json): string {
  if (typeof body.value !== 'string') fail('value', 'The text must be a string');
  return body.value;
}
