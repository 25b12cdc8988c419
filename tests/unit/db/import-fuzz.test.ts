// Property-based tests of importing a file (issue point 3): whatever the file holds, it is
// either imported whole (the database then holds exactly what the rules of lib/db/import.ts
// say, and nothing the extension's own writes would refuse) or refused with a short message
// of our own naming what is wrong and where, the database left exactly as it was; and no
// `__proto__`, `constructor` or `prototype` key reaches any prototype.
//
// fast-check picks a new random seed on each run and prints it, with the path of the
// smallest failing case, when a property fails; FC_SEED=<seed> FC_PATH=<path> replay it.

import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AnnotatorDb } from '../../../lib/db/database';
import { importFile, parseJson, type ImportResult } from '../../../lib/db/import';
import v1Schema from '../../../lib/export/ofsted-annotations.v1.schema.json';
import v2Schema from '../../../lib/export/ofsted-annotations.v2.schema.json';
import v3Schema from '../../../lib/export/ofsted-annotations.v3.schema.json';
import { readAnyExport } from '../../../lib/export/read-any';
import {
  applyMutation,
  applyTextMutation,
  dataset,
  dbStateFor,
  duplicateMutation,
  fileOf,
  FORMATS,
  hugeMutation,
  itemsPath,
  notAnExport,
  protoMutation,
  showPath,
  structuralMutation,
  textMutation,
  textOf,
  type Applied,
  type Dataset,
  type DbState,
  type Format,
  type Json,
  type Mutation,
  type TextMutation,
} from './fuzz/arbitraries';
import {
  contentsOf,
  dump,
  expectClearRefusal,
  expectedAfter,
  expectJsonPlace,
  expectValidRows,
  placeOf,
  seed,
  sorted,
  type Dump,
} from './fuzz/oracle';
import { freshDb } from './helpers';

/** fast-check's parameters: its own random seed, or FC_SEED (and FC_PATH) to replay a failure. */
const replay: fc.Parameters<unknown> = process.env.FC_SEED
  ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }
  : {};

/** Each property stops after a minute, shrinking included; a failure found by then is reported, shrunk as far as it got. */
const TIME_LIMIT = 60_000;
const limits: fc.Parameters<unknown> = { plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT)] };

const TIMEOUT = 120_000;

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const schemas: Record<number, ReturnType<typeof ajv.compile>> = {
  1: ajv.compile(v1Schema),
  2: ajv.compile(v2Schema),
  3: ajv.compile(v3Schema),
};

/** Whether a parsed native file is one its version's JSON Schema accepts (the reader dedupes an annotation's repeated theme ids rather than refusing them). */
function schemaAccepts(file: Json): boolean {
  const validate = typeof file?.version === 'number' ? schemas[file.version] : undefined;
  if (!validate || file?.format !== 'ofsted-annotator') return false;
  if (validate(file)) return true;
  return validate.errors!.every((e) => e.keyword === 'uniqueItems' && /\/themes$/.test(e.instancePath));
}

const prototypeNames = (proto: object) => Object.getOwnPropertyNames(proto).sort();
const PRISTINE = new Map<object, string[]>(
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => [
    p,
    prototypeNames(p),
  ]),
);

function expectNoPollution(): void {
  for (const [proto, names] of PRISTINE) expect(prototypeNames(proto)).toEqual(names);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

/** What the file must do. */
type Expectation =
  | { must: 'accept'; contents: ReturnType<typeof contentsOf> }
  | { must: 'refuse'; duplicateId?: string }
  | { must: 'either' };

interface Case {
  description: string;
  text: string;
  expectation: Expectation;
  /** The annotation a single structural change was made in: a refusal must name it, if it names a place. */
  item?: string;
  /** Files with no annotations may be accepted, changing nothing. */
  emptyOk?: boolean;
}

const fileText = (text: string) => ({ size: text.length, text: async () => text });

/** Imports `c.text` into a database holding `before`, and checks the outcome against the case's expectation. */
async function check(before: DbState, c: Case): Promise<void> {
  const db: AnnotatorDb = freshDb();
  try {
    await seed(db, before);
    const tablesBefore = await dump(db);
    let result: ImportResult | undefined;
    let error: unknown;
    try {
      result = await importFile(db, fileText(c.text));
    } catch (e) {
      error = e;
    }
    const tablesAfter = await dump(db);
    expectNoPollution();
    if (error !== undefined) {
      expect(c.expectation.must, `refused: ${(error as Error)?.message}`).not.toBe('accept');
      expectRefused(error, c, tablesBefore, tablesAfter);
    } else {
      expect(c.expectation.must, 'accepted').not.toBe('refuse');
      expectImportedWhole(result!, c, tablesBefore, tablesAfter);
    }
  } finally {
    await db.delete();
  }
}

function expectRefused(error: unknown, c: Case, before: Dump, after: Dump) {
  expect(after).toStrictEqual(before);
  const message = expectClearRefusal(error, c.text);
  if (c.expectation.must === 'refuse' && c.expectation.duplicateId !== undefined) {
    expect(message).toMatch(/more than one annotation with the id/);
    expect(message).toContain(c.expectation.duplicateId.slice(0, 20));
  }
  const place = placeOf(message);
  if (c.item && place !== undefined)
    expect(`${place}.`.startsWith(`${c.item}.`) || place.startsWith(`${c.item}[`)).toBe(true);
}

function expectImportedWhole(result: ImportResult, c: Case, before: Dump, after: Dump) {
  // The reader's contents are what "the file" holds; for unbroken files, they are the dataset's.
  const contents = readAnyExport(parseJson(c.text));
  if (c.expectation.must === 'accept') expect(sorted(contents)).toStrictEqual(sorted(c.expectation.contents));
  const file = parseJson(c.text) as Json;
  if (file?.format === 'ofsted-annotator') {
    // Every annotation of the file is there: none skipped.
    expect(contents.annotations.map((a) => a.id)).toEqual(file.annotations.map((a: Json) => a.id));
  }
  const expected = expectedAfter(before, contents);
  expect(after).toStrictEqual(expected.tables);
  expect(result).toMatchObject(expected.result);
  expectValidRows(after);
}

/** The file of `data` in `format`, changed by `mutations` (then by `textChange`), with what it must do. */
function caseOf(data: Dataset, format: Format, mutations: Mutation[], textChange?: TextMutation): Case {
  const file = fileOf(data, format);
  const injections = new Map<number, Array<[string, string, boolean]>>();
  const applied: Applied[] = mutations.map((m) => applyMutation(file, format, m, injections));
  let text = textOf(file, injections);
  const changes = applied.map((a) => a.description);
  if (textChange) {
    text = applyTextMutation(text, textChange);
    changes.push(`text ${JSON.stringify(textChange)}`);
  }
  const description = `${format} file of ${data.annotations.length} annotations; ${changes.join('; ') || 'unchanged'}`;
  const duplicate = applied.find((a) => a.mustRefuse);
  let parsed: Json;
  let isJson = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    isJson = false;
  }
  const structural = applied.filter((a) => a.path);
  const onlyHarmless = structural.length === 0 && !duplicate;
  let expectation: Expectation;
  if (!isJson || duplicate) expectation = { must: 'refuse', duplicateId: duplicate?.duplicateId };
  else if (onlyHarmless && !textChange) expectation = { must: 'accept', contents: contentsOf(data, format) };
  else if (format !== 'w3c' && !schemaAccepts(parsed)) expectation = { must: 'refuse' };
  else expectation = { must: 'either' };
  // A single change inside one annotation: a refusal that names a place names that annotation.
  let item: string | undefined;
  const items = itemsPath(format);
  const [only] = structural;
  if (structural.length === 1 && applied.length === 1 && !textChange && only!.path!.length > items.length) {
    if (items.every((key, i) => only!.path![i] === key))
      item = showPath(only!.path!.slice(0, items.length + 1));
  }
  return { description, text, expectation, item };
}

const format = fc.constantFrom(...FORMATS);

/** A dataset, a database state that overlaps it, a format, and what to do to the file. */
const scenario = <T>(change: fc.Arbitrary<T>) =>
  fc
    .record({
      // The change is drawn apart from the dataset, so that shrinking the dataset keeps it.
      world: dataset.chain((data) => fc.record({ data: fc.constant(data), before: dbStateFor(data) })),
      format,
      change,
    })
    .map(({ world, format, change }) => ({ ...world, format, change }));

async function run<T>(
  change: fc.Arbitrary<T>,
  makeCase: (data: Dataset, format: Format, change: T) => Case,
  numRuns: number,
) {
  await fc.assert(
    fc.asyncProperty(scenario(change), async ({ data, before, format, change }) => {
      let c: Case | undefined;
      try {
        c = makeCase(data, format, change);
        await check(before, c);
      } catch (error) {
        if (c) (error as Error).message = `${c.description}\n${(error as Error).message}`;
        throw error;
      }
    }),
    { numRuns, ...limits, ...replay },
  );
}

describe('importing a file (fuzzed)', () => {
  afterAll(() => expectNoPollution());

  it(
    'imports every valid file of every format whole, newer copies winning',
    { timeout: TIMEOUT },
    async () => {
      await run(fc.constant(null), (data, format) => caseOf(data, format, []), 100);
    },
  );

  it('ignores __proto__, constructor and prototype keys at every level', { timeout: TIMEOUT }, async () => {
    await run(
      fc.array(protoMutation, { minLength: 1, maxLength: 6 }),
      (data, format, mutations) => caseOf(data, format, mutations),
      60,
    );
  });

  it(
    'imports whole or refuses files with fields removed, of the wrong type or wrong',
    { timeout: TIMEOUT },
    async () => {
      await run(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(structuralMutation) },
          { weight: 1, arbitrary: fc.array(structuralMutation, { minLength: 2, maxLength: 3 }) },
        ),
        (data, format, mutations) => caseOf(data, format, mutations),
        400,
      );
    },
  );

  it(
    'imports whole or refuses files with a string of a million characters',
    { timeout: TIMEOUT },
    async () => {
      await run(
        fc.tuple(hugeMutation, fc.option(structuralMutation)),
        (data, format, [huge, other]) => caseOf(data, format, other ? [huge, other] : [huge]),
        30,
      );
    },
  );

  it('refuses a file with two annotations of the same id, naming it', { timeout: TIMEOUT }, async () => {
    await run(
      fc.tuple(duplicateMutation, fc.option(protoMutation)),
      (data, format, [duplicate, proto]) => caseOf(data, format, proto ? [duplicate, proto] : [duplicate]),
      60,
    );
  });

  it(
    'refuses truncated and garbled JSON, saying on which line and column',
    { timeout: TIMEOUT },
    async () => {
      await run(
        fc.tuple(textMutation, fc.option(protoMutation)),
        (data, format, [change, proto]) => caseOf(data, format, proto ? [proto] : [], change),
        150,
      );
    },
  );

  it(
    'refuses files that are not exports, or imports nothing from empty ones',
    { timeout: TIMEOUT },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          dataset.chain((data) => dbStateFor(data)),
          notAnExport,
          async (before, text) => {
            const db = freshDb();
            try {
              await seed(db, before);
              const tables = await dump(db);
              const outcome = await importFile(db, fileText(text)).then(
                (result) => ({ result }),
                (error: unknown) => ({ error }),
              );
              expectNoPollution();
              expect(await dump(db)).toStrictEqual(tables);
              if ('error' in outcome) {
                expectClearRefusal(outcome.error, text);
                let json = true;
                try {
                  JSON.parse(text);
                } catch {
                  json = false;
                }
                if (!json) expectJsonPlace((outcome.error as Error).message, text);
              } else {
                expect(outcome.result).toMatchObject({ added: 0, updated: 0, unchanged: 0, themesAdded: 0 });
              }
            } finally {
              await db.delete();
            }
          },
        ),
        { numRuns: 80, ...limits, ...replay },
      );
    },
  );
});
