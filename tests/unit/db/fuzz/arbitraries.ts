// fast-check arbitraries for the import fuzz tests: a dataset (themes, document records and
// annotations as the database stores them), the export files the real writers make of it
// (native version 2, native version 1 and W3C), the same files broken in many ways, and a
// database that already holds some of the same annotations, documents and themes.

import fc from 'fast-check';
import { documentUrl } from '../../../../lib/document-url';
import { VISIT_TYPES } from '../../../../lib/db/validate';
import { buildJsonExport } from '../../../../lib/export/json';
import { buildW3cCollection } from '../../../../lib/export/w3c';
import type {
  Annotation,
  Citation,
  DocumentRecord,
  ReportDetails,
  Selector,
  Severity,
  Theme,
} from '../../../../lib/model';
import { DEFAULT_THEMES } from '../../../../lib/taxonomy/themes';

export type Json = any;
export type Format = 'native-v3' | 'native-v1' | 'w3c';
export const FORMATS: readonly Format[] = ['native-v3', 'native-v1', 'w3c'];

export interface Dataset {
  themes: Theme[];
  /** Records of some of the annotated documents (an annotated document may have none). */
  documents: DocumentRecord[];
  annotations: Annotation[];
}

/** What the database holds before an import, besides the default themes it is created with. */
export interface DbState {
  themes: Theme[];
  documents: DocumentRecord[];
  annotations: Annotation[];
}

export const EXPORTED_AT = new Date('2026-03-20T12:00:00.000Z');
const T_MIN = Date.parse('2019-01-01T00:00:00.000Z');
const T_MAX = Date.parse('2030-12-31T23:59:59.999Z');

// ---------------------------------------------------------------------------------------------
// Valid data

/** Text of every kind: ASCII, any grapheme, and any UTF-16 code units (lone surrogates too). */
export const anyText = (maxLength: number, minLength = 0) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) },
  );
const someText = (maxLength: number) => anyText(maxLength, 1).filter((s) => s.trim() !== '');

const time = fc.integer({ min: T_MIN, max: T_MAX }).map((ms) => new Date(ms).toISOString());
/** Two times, the earlier first (ISO strings of the same shape sort as their times do). */
const span = fc.tuple(time, time).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
const day = fc
  .integer({ min: Date.parse('2015-01-01'), max: Date.parse('2030-12-31') })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const colour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);

/** Ids that are UUIDs, ids that name Object's own properties, and any text. */
const annotationId = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
  { weight: 2, arbitrary: someText(24) },
);

const themeId = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') },
  { weight: 3, arbitrary: someText(20) },
);

/** The default themes, some relabelled, recoloured or retired, and themes of the user's own. */
const fileThemes: fc.Arbitrary<Theme[]> = fc
  .tuple(
    fc.subarray([...DEFAULT_THEMES], { maxLength: 3 }).chain((defaults) =>
      fc
        .tuple(
          ...defaults.map(() =>
            fc.record({ label: fc.option(anyText(40)), retired: fc.boolean() }, { noNullPrototype: true }),
          ),
        )
        .map((changes) =>
          defaults.map((t, i) => ({
            ...t,
            label: changes[i]!.label ?? t.label,
            retired: changes[i]!.retired,
          })),
        ),
    ),
    fc.uniqueArray(
      fc.record(
        {
          id: themeId,
          label: anyText(40),
          color: colour,
          order: fc.oneof(
            fc.integer({ min: -5, max: 40 }),
            fc.double({ min: -10, max: 100, noNaN: true }).map((n) => n + 0),
          ),
          retired: fc.boolean(),
        },
        { noNullPrototype: true },
      ),
      { selector: (t) => t.id, minLength: 1, maxLength: 5 },
    ),
  )
  .map(([defaults, own]) => {
    const ids = new Set(defaults.map((t) => t.id));
    return [...defaults, ...own.filter((t) => !ids.has(t.id))];
  });

const url = fc.oneof(
  fc.nat({ max: 40 }).map((n) => `https://files.ofsted.gov.uk/v1/file/${50_250_000 + n}`),
  fc.nat({ max: 40 }).map((n) => `https://www.example-news.co.uk/news/children-services-${n}`),
  fc.nat({ max: 5 }).map((n) => `urn:pdf:${n.toString(16).padStart(32, '0')}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map(documentUrl),
);

const details: fc.Arbitrary<ReportDetails> = fc.record(
  {
    localAuthority: someText(40),
    visitType: fc.constantFrom(...VISIT_TYPES),
    inspectionDates: fc
      .tuple(someText(60), day, day)
      .map(([text, a, b]) => ({ text, start: a <= b ? a : b, end: a <= b ? b : a })),
    judgements: fc.array(
      fc.record({ judgement: someText(60), grade: someText(30) }, { noNullPrototype: true }),
      { maxLength: 4 },
    ),
  },
  { noNullPrototype: true },
);

const citation: fc.Arbitrary<Citation> = fc
  .record(
    {
      page: fc.integer({ min: 1, max: 300 }),
      more: fc.integer({ min: 1, max: 3 }),
      paragraph: fc.integer({ min: 1, max: 999 }),
      section: someText(40),
    },
    { requiredKeys: ['page'] },
  )
  .map(({ page, more, ...rest }) => ({ page, ...(more !== undefined && { pageEnd: page + more }), ...rest }));

function annotationOf(id: string, urls: readonly string[], themeIds: readonly string[]) {
  return fc
    .record({
      url: fc.constantFrom(...urls),
      quote: someText(80),
      prefix: anyText(20),
      suffix: anyText(20),
      position: fc.option(
        fc.record(
          { start: fc.nat({ max: 1_000_000 }), length: fc.nat({ max: 500 }) },
          { noNullPrototype: true },
        ),
      ),
      positionFirst: fc.boolean(),
      themes: fc.subarray([...themeIds]),
      severity: fc.constantFrom<Severity>(0, 1, 2, 3, 4),
      note: fc.oneof(fc.constant(''), anyText(60)),
      citation: fc.option(citation, { freq: 3 }),
      dates: span,
    })
    .map(({ url, quote, prefix, suffix, position, positionFirst, citation, dates, ...rest }): Annotation => {
      const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: quote, prefix, suffix }];
      if (position) {
        const tps: Selector = {
          type: 'TextPositionSelector',
          start: position.start,
          end: position.start + position.length,
        };
        if (positionFirst) selectors.unshift(tps);
        else selectors.push(tps);
      }
      return {
        id,
        url,
        quote,
        selectors,
        ...rest,
        ...(citation && { citation }),
        createdAt: dates[0],
        updatedAt: dates[1],
      };
    });
}

function recordOf(url: string): fc.Arbitrary<DocumentRecord> {
  return fc
    .record(
      { title: anyText(60), details: fc.option(details, { freq: 2 }), dates: span },
      { noNullPrototype: true },
    )
    .map(({ title, details, dates }) => ({
      url,
      title,
      ...(details && { details }),
      createdAt: dates[0],
      updatedAt: dates[1],
    }));
}

export const dataset: fc.Arbitrary<Dataset> = fc
  .record({
    themes: fileThemes,
    urls: fc.uniqueArray(url, { minLength: 1, maxLength: 4 }),
    ids: fc.uniqueArray(annotationId, { maxLength: 8 }),
  })
  .chain(({ themes, urls, ids }) =>
    fc.record(
      {
        themes: fc.constant(themes),
        annotations: fc.tuple(
          ...ids.map((id) =>
            annotationOf(
              id,
              urls,
              themes.map((t) => t.id),
            ),
          ),
        ),
        documents: fc.tuple(...urls.map((u) => fc.option(recordOf(u), { freq: 5 }))),
      },
      { noNullPrototype: true },
    ),
  )
  .map(({ themes, annotations, documents }) => {
    const used = new Set(annotations.map((a) => a.url));
    return {
      themes,
      annotations,
      documents: documents.filter((d): d is DocumentRecord => d !== null && used.has(d.url)),
    };
  });

/** A database holding some of the dataset's annotations (older, as new or newer), its documents and themes, and its own. */
export function dbStateFor(data: Dataset): fc.Arbitrary<DbState> {
  const storedThemeIds = DEFAULT_THEMES.map((t) => t.id);
  const defaultLabels = new Set(DEFAULT_THEMES.map((t) => t.label.toLowerCase()));
  const fileTheme = data.themes.find((t) => !storedThemeIds.includes(t.id));
  const ownThemes = fc
    .record({
      sameId: fc.boolean(),
      sameLabel: fc.boolean(),
      retire: fc.option(fc.constantFrom(...DEFAULT_THEMES)),
    })
    .map(({ sameId, sameLabel, retire }): Theme[] => {
      const themes: Theme[] = [];
      if (retire) themes.push({ ...retire, retired: true });
      if (fileTheme && sameId) {
        themes.push({
          ...fileTheme,
          label: `Mine: ${fileTheme.id}`.slice(0, 100),
          color: '#010203',
          order: 30,
        });
      }
      const label = fileTheme?.label.trim().toUpperCase().slice(0, 120);
      if (label && sameLabel && !defaultLabels.has(label.toLowerCase()) && !label.startsWith('MINE: ')) {
        themes.push({ id: 'db-own-theme', label, color: '#040506', order: 31, retired: true });
      }
      return themes;
    });
  return ownThemes.chain((own) => {
    const themeIds = [...new Set([...storedThemeIds, ...own.map((t) => t.id)])];
    const copy = (a: Annotation) =>
      fc
        .record({
          when: fc.constantFrom('older', 'same', 'newer'),
          shift: fc.integer({ min: 1, max: 10 ** 10 }),
          themes: fc.subarray(themeIds, { maxLength: 3 }),
          note: anyText(30),
        })
        .map(({ when, shift, themes, note }): Annotation => {
          const file = Date.parse(a.updatedAt);
          const ms = when === 'same' ? file : when === 'older' ? file - shift : file + shift;
          const updatedAt = new Date(ms).toISOString();
          return {
            ...a,
            themes,
            note: `stored: ${note}`,
            createdAt: a.createdAt < updatedAt ? a.createdAt : updatedAt,
            updatedAt,
          };
        });
    const urls = [...new Set(data.annotations.map((a) => a.url))];
    return fc.record(
      {
        themes: fc.constant(own),
        annotations: fc
          .tuple(
            fc.subarray(data.annotations).chain((some) => fc.tuple(...some.map(copy))),
            fc
              .uniqueArray(fc.uuid(), { maxLength: 3 })
              .chain((ids) =>
                fc.tuple(
                  ...ids.map((id) =>
                    annotationOf(`db-${id}`, ['https://www.example-news.co.uk/news/stored-only'], themeIds),
                  ),
                ),
              ),
          )
          .map(([copies, own]) => [...copies, ...own]),
        documents: fc.subarray(urls).chain((some) => fc.tuple(...some.map(recordOf))),
      },
      { noNullPrototype: true },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The files the real writers make

/** The parsed file in `format`, made by the current writers (version 1 by the version-3 writer less version 2's additions). */
export function fileOf(data: Dataset, format: Format): Json {
  switch (format) {
    case 'native-v3':
      return JSON.parse(JSON.stringify(buildJsonExport(data, EXPORTED_AT)));
    case 'native-v1':
      return toVersion1(JSON.parse(JSON.stringify(buildJsonExport(data, EXPORTED_AT))));
    case 'w3c':
      return JSON.parse(JSON.stringify(buildW3cCollection(data, { now: EXPORTED_AT })));
  }
}

/** A current export as version 1 wrote it: no citations, documents of url and title only (positions as they are). */
export function toVersion1(v2: Json): Json {
  return {
    ...v2,
    version: 1,
    annotations: v2.annotations.map(
      ({ page: _p, pageEnd: _e, paragraph: _g, section: _s, document, ...rest }: Json) => ({
        ...rest,
        document: { url: document.url, title: document.title },
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Breaking files

/** A value written into the file's text as it is (numbers JSON.parse reads as Infinity, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}

  [fc.toStringMethod](): string {
    return this.text.length > 40
      ? `RawJson(${this.text.length} characters: ${this.text.slice(0, 20)}…)`
      : this.text;
  }
}

/** A string of a million characters, printed short when fast-check reports a counterexample. */
export class Huge {
  #text: string | undefined;

  constructor(readonly char: string) {}

  get text(): string {
    return (this.#text ??= this.char.repeat(Math.ceil(HUGE / this.char.length)));
  }

  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.char)} × ${HUGE / this.char.length}`;
  }
}

export const DEPTH = 100_000;
export const deepArray = () => new RawJson('['.repeat(DEPTH) + ']'.repeat(DEPTH));
export const deepObject = () => new RawJson('{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH));
export const HUGE = 1024 * 1024;

/** Values of the wrong type, or of the right type and wrong, for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    5,
    1e308,
    '',
    ' ',
    '3',
    'text',
    '2026-02-30T10:00:00.000Z',
    '2026-01-01T24:00:00Z',
    '2026-03-15 10:00:00Z',
    'url(https://tracker.example/pixel.gif)',
    '__proto__',
    [],
    [null],
    {},
    { type: 'TextQuoteSelector' },
    { polluted: 'yes' },
  ),
  fc.constantFrom(new RawJson('1e999'), new RawJson('-1e999'), new RawJson('-0')),
  fc.constant(null).map(() => deepArray()),
  fc.constant(null).map(() => deepObject()),
  fc.jsonValue({ maxDepth: 2 }),
);

export const hugeString = fc
  .constantFrom('x', ' ', 'é', '\n', '"', '\\', '\u2028', '😀')
  .map((c) => new Huge(c));

export type Path = Array<string | number>;

/** Where in the file a change is made: its list of themes, its annotations, or anywhere (the top level too). */
export type Region = 'themes' | 'annotations' | 'anywhere';
const region = fc.constantFrom<Region>('themes', 'annotations', 'anywhere');

export type Mutation =
  | { kind: 'remove'; region: Region; pick: number }
  | { kind: 'retype'; region: Region; pick: number; value: unknown }
  | { kind: 'nearMiss'; region: Region; pick: number; choice: number }
  | { kind: 'huge'; region: Region; pick: number; value: Huge }
  | { kind: 'proto'; pick: number; key: string; value: string; atEnd: boolean }
  | { kind: 'duplicate'; pick: number; at: number };

const protoValue = fc.constantFrom(
  '{"polluted":"yes"}',
  '{"format":"ofsted-annotator","version":2,"polluted":"yes"}',
  '{"prototype":{"polluted":"ctor"}}',
  '{"__proto__":{"polluted":"nested"}}',
  '[{"polluted":"list"}]',
  'null',
  '"polluted"',
  '7',
);

export const protoMutation: fc.Arbitrary<Mutation> = fc.record(
  {
    kind: fc.constant('proto' as const),
    pick: fc.noBias(fc.nat()),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    value: protoValue,
    atEnd: fc.boolean(),
  },
  { noNullPrototype: true },
);

export const structuralMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      { kind: fc.constant('remove' as const), region, pick: fc.noBias(fc.nat()) },
      { noNullPrototype: true },
    ),
  },
  {
    weight: 5,
    arbitrary: fc.record(
      { kind: fc.constant('retype' as const), region, pick: fc.noBias(fc.nat()), value: wrongValue },
      { noNullPrototype: true },
    ),
  },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        kind: fc.constant('nearMiss' as const),
        region,
        pick: fc.noBias(fc.nat()),
        choice: fc.noBias(fc.nat()),
      },
      { noNullPrototype: true },
    ),
  },
  { weight: 2, arbitrary: protoMutation },
);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COLOUR = /^#[0-9a-f]{6}$/i;

/** Values of the same type as `original`, just outside what is allowed: impossible dates, colours that are not #rrggbb, numbers out of range, text too long. */
export function nearMisses(original: unknown): unknown[] {
  if (typeof original === 'string') {
    if (TIMESTAMP.test(original)) {
      return [
        '2026-02-30T10:00:00.000Z',
        '2025-02-29T10:00:00Z',
        '2026-01-01T24:00:00.000Z',
        '2026-03-15 10:00:00.000Z',
        '2026-03-15T10:00:00.000',
        '2026-13-01T00:00:00.000Z',
        `${original} `,
        original.toLowerCase(),
      ];
    }
    if (DAY.test(original))
      return ['2025-02-29', '2025-13-01', '2025-04-31', '01/02/2025', `${original}T00:00:00Z`];
    if (COLOUR.test(original))
      return ['red', '#12345', '#1234567', '#gggggg', 'url(https://tracker.example/x.gif)', ''];
    return ['', ' ', '\u0000', 'x'.repeat(121), 'x'.repeat(301), 'x'.repeat(10_001), ` ${original} `];
  }
  if (typeof original === 'number') {
    return [
      -1,
      0,
      0.5,
      original + 0.5,
      -original,
      original * 1000,
      1e21,
      new RawJson('1e999'),
      `${original}`,
    ];
  }
  if (typeof original === 'boolean') return [String(original), Number(original), null];
  if (Array.isArray(original)) return [[], [...original, ...original], original.slice(1), original[0]];
  return [{}, [original], JSON.stringify(original)];
}

export const hugeMutation: fc.Arbitrary<Mutation> = fc.record(
  {
    kind: fc.constant('huge' as const),
    region,
    pick: fc.noBias(fc.nat()),
    value: hugeString,
  },
  { noNullPrototype: true },
);

export const duplicateMutation: fc.Arbitrary<Mutation> = fc.record(
  {
    kind: fc.constant('duplicate' as const),
    pick: fc.noBias(fc.nat()),
    at: fc.noBias(fc.nat()),
  },
  { noNullPrototype: true },
);

/** The list of annotations in a file of `format`. */
export const itemsPath = (format: Format): Path => (format === 'w3c' ? ['first', 'items'] : ['annotations']);

/** Every place in the value (not the value itself), parents before children. */
export function pathsOf(value: Json): Path[] {
  const found: Path[] = [];
  const stack: Array<[Json, Path]> = [[value, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object' || node instanceof RawJson) continue;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys.reverse()) {
      found.push([...path, key]);
      stack.push([node[key], [...path, key]]);
    }
  }
  return found.sort((a, b) => a.length - b.length);
}

/** The places in `region` of the file, or all of them when the region has none. */
function pathsIn(file: Json, format: Format, region: Region): Path[] {
  const all = pathsOf(file);
  if (region === 'anywhere') return all;
  const prefix: Path =
    region === 'annotations' ? itemsPath(format) : [format === 'w3c' ? 'ofsted-annotator:themes' : 'themes'];
  const within = all.filter((p) => p.length > prefix.length && prefix.every((key, i) => p[i] === key));
  return within.length > 0 ? within : all;
}

export function getAt(value: Json, path: Path): Json {
  return path.reduce((node, key) => node?.[key], value);
}

/** How a mutation was applied: what it changed, where, and what the file must do now. */
export interface Applied {
  description: string;
  path?: Path;
  /** The file must be refused whatever else it holds (a duplicate id). */
  mustRefuse?: boolean;
  duplicateId?: string;
}

/**
 * Applies `mutation` to `file` (in place) and returns what it did; proto mutations are only
 * recorded in `injections` (by object node), to be written into the text.
 */
export function applyMutation(
  file: Json,
  format: Format,
  mutation: Mutation,
  injections: Map<number, Array<[key: string, value: string, atEnd: boolean]>>,
): Applied {
  switch (mutation.kind) {
    case 'remove':
    case 'retype':
    case 'nearMiss': {
      const paths = pathsIn(file, format, mutation.region);
      if (paths.length === 0) return { description: 'nothing (no fields)' };
      const path = paths[mutation.pick % paths.length]!;
      const parent = getAt(file, path.slice(0, -1));
      const key = path.at(-1)!;
      if (mutation.kind === 'remove') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        return { description: `removed ${showPath(path)}`, path };
      }
      let value: unknown;
      if (mutation.kind === 'nearMiss') {
        const misses = nearMisses(parent[key]);
        value = misses[mutation.choice % misses.length];
      } else {
        value = mutation.value;
      }
      parent[key] = structuredCloneJson(value);
      return { description: `${showPath(path)} set to ${preview(value)}`, path };
    }
    case 'huge': {
      const strings = pathsIn(file, format, mutation.region).filter(
        (p) => typeof getAt(file, p) === 'string',
      );
      if (strings.length === 0) return { description: 'nothing (no strings)' };
      const path = strings[mutation.pick % strings.length]!;
      getAt(file, path.slice(0, -1))[path.at(-1)!] = mutation.value.text;
      return { description: `${showPath(path)} set to ${fc.stringify(mutation.value)}`, path };
    }
    case 'proto': {
      const objects = countObjects(file);
      if (objects === 0) return { description: 'nothing (no objects)' };
      const node = mutation.pick % objects;
      injections.set(node, [...(injections.get(node) ?? []), [mutation.key, mutation.value, mutation.atEnd]]);
      return { description: `"${mutation.key}": ${mutation.value} written into object ${node}` };
    }
    case 'duplicate': {
      const items: Json[] | undefined = getAt(file, itemsPath(format));
      if (!Array.isArray(items) || items.length === 0) return { description: 'nothing (no annotations)' };
      const original = items[mutation.pick % items.length];
      const copy = structuredClone(original);
      if (format === 'w3c') {
        copy.body = [{ type: 'TextualBody', purpose: 'commenting', value: 'A different copy' }];
        copy.modified = '2031-01-01T00:00:00.000Z';
      } else {
        copy.note = 'A different copy';
        copy.updatedAt = '2031-01-01T00:00:00.000Z';
      }
      items.splice(mutation.at % (items.length + 1), 0, copy);
      const id = format === 'w3c' ? String(original.id).slice('urn:uuid:'.length) : original.id;
      return { description: `annotation ${preview(id)} copied`, mustRefuse: true, duplicateId: id };
    }
  }
}

function structuredCloneJson(value: unknown): unknown {
  return value instanceof RawJson ? value : structuredClone(value);
}

function countObjects(value: Json): number {
  let n = 0;
  const stack: Json[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || node instanceof RawJson) continue;
    if (!Array.isArray(node)) n++;
    stack.push(...Object.values(node));
  }
  return n;
}

/**
 * The file's text, as JSON.stringify writes it, with `injections` written into the object
 * nodes they name (numbered in the order the text has them), so that `__proto__` is an own key
 * of the parsed object, as it is of any file a user opens.
 */
export function textOf(
  value: Json,
  injections: ReadonlyMap<number, ReadonlyArray<readonly [string, string, boolean]>> = new Map(),
): string {
  let objects = 0;
  const out: string[] = [];
  const write = (node: Json): void => {
    if (node instanceof RawJson) {
      out.push(node.text);
    } else if (Array.isArray(node)) {
      out.push('[');
      node.forEach((item, i) => {
        if (i > 0) out.push(',');
        write(item);
      });
      out.push(']');
    } else if (node !== null && typeof node === 'object') {
      const extra = injections.get(objects++) ?? [];
      const entries: Array<[string, Json | RawJson]> = Object.entries(node);
      for (const [key, raw, atEnd] of extra) {
        const entry: [string, RawJson] = [key, new RawJson(raw)];
        if (atEnd) entries.push(entry);
        else entries.unshift(entry);
      }
      out.push('{');
      entries.forEach(([key, item], i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(item);
      });
      out.push('}');
    } else {
      out.push(JSON.stringify(node) ?? 'null');
    }
  };
  write(value);
  return out.join('');
}

export const showPath = (path: Path) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');

export function preview(value: unknown): string {
  if (value instanceof RawJson) return value.text.length > 40 ? `${value.text.slice(0, 20)}…` : value.text;
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}

// ---------------------------------------------------------------------------------------------
// Text that is not (all) JSON

export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'garble'; at: number; op: 'replace' | 'insert' | 'delete'; char: string };

/** One character to put into JSON text: its punctuation and the characters that break it most, or any. */
export const jsonBreakingChar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1', 't', 'n', 'x', ' ', '\n'),
  fc.constantFrom('\u0000', '\u0001', '\u00e9', '\ud83d'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.noBias(fc.nat()) }, { noNullPrototype: true }),
  fc.record(
    {
      kind: fc.constant('garble' as const),
      at: fc.noBias(fc.nat()),
      op: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
      char: jsonBreakingChar,
    },
    { noNullPrototype: true },
  ),
);

export function applyTextMutation(text: string, mutation: TextMutation): string {
  const at = mutation.at % Math.max(text.length, 1);
  if (mutation.kind === 'truncate') return text.slice(0, at);
  switch (mutation.op) {
    case 'replace':
      return text.slice(0, at) + mutation.char + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + mutation.char + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
  }
}

/** Whole files that are no export: not objects, empty, deeply nested, or objects of another kind. */
export const notAnExport: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '42',
    '"text"',
    'null',
    'true',
    '[]',
    '[1,2,3]',
    '[[]]',
    '{}',
    '[{}]',
    '""',
    '',
    '   ',
    '\n',
    '{"format":"ofsted-annotator"}',
    '{"format":"ofsted-annotator","version":"2"}',
    '{"format":"ofsted-annotator","version":2}',
    '{"format":"ofsted-annotator","version":2,"exportedAt":"2026-03-20T12:00:00.000Z"}',
    '{"format":"ofsted-annotator","version":1,"exportedAt":"2026-03-20T12:00:00.000Z","themes":[]}',
    '{"@context":"http://www.w3.org/ns/anno.jsonld"}',
    '{"type":"AnnotationCollection"}',
    '{"type":"AnnotationCollection","first":"https://example.org/page/2"}',
    '{"type":"AnnotationCollection","first":{"items":[]},"total":3}',
    '{"type":"Annotation"}',
    '[{"type":"Annotation"}]',
    '{"__proto__":{"format":"ofsted-annotator","version":2}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
  ),
  fc.constant(null).map(() => deepArray().text),
  fc.constant(null).map(() => deepObject().text),
  fc.constant(null).map(() => `[${'[{"type":"Annotation"},'.repeat(1)}${deepArray().text}]`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .jsonValue({ maxDepth: 2 })
    .map(
      (v) =>
        `{"format":"ofsted-annotator","version":2,"exportedAt":"2026-03-20T12:00:00.000Z","themes":[],"annotations":[${JSON.stringify(v)}]}`,
    ),
);
