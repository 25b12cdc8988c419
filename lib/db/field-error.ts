// Validation failures that know where they are. A save from the annotation dialog shows only
// the message ("The quote is empty"); a reader of a whole file adds the place of the bad field
// ("annotations[3].quote: The quote is empty").

/** A value that failed a check. `field` is the bad part's place in the value checked: "" for the value itself, "severity", "selectors[1].start". */
export class FieldError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'FieldError';
    this.field = field;
  }
}

/** Throws a FieldError: `field` is not valid, for the reason in `message`. */
export function fail(field: string, message: string): never {
  throw new FieldError(field, message);
}

/** Runs the check of a part of a larger value, putting `place` (the part's place) in front of any failing field. */
export function within<T>(place: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(joinPlaces(place, error.field), error.message);
    throw error;
  }
}

/** "annotations[3]" + "severity" → "annotations[3].severity"; "themes" + "[2]" → "themes[2]". */
function joinPlaces(outer: string, inner: string): string {
  if (inner === '') return outer;
  if (outer === '' || inner.startsWith('[')) return outer + inner;
  return `${outer}.${inner}`;
}

/** Reads a whole file: a failure comes out as one Error whose message starts with the bad field's place. */
export function readNamingPlace<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FieldError && error.field !== '') {
      throw new Error(`${error.field}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** The longest part of a file's value a message quotes. */
const MAX_SHOWN = 40;

/**
 * A value from a file as a message quotes it: JSON, cut short ("…") after 40 characters; a
 * list or object too long or too deep to write out is "a list" or "an object". Never the
 * engine's "undefined" or "[object Object]": a missing value is "nothing".
 */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Nested too deeply to write out.
  }
  if (typeof value === 'string') return json!.length <= MAX_SHOWN ? json! : `${cut(json!, MAX_SHOWN)}…"`;
  if (json !== undefined && json.length <= MAX_SHOWN) return json;
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** `text`, or its first 40 characters and "…" when it is longer. */
export function shorten(text: string, length: number = MAX_SHOWN): string {
  return text.length <= length ? text : `${cut(text, length)}…`;
}

/** ", not 7" after what a value must be; ", and it is missing" when there is none. */
export function butIs(value: unknown): string {
  return value === undefined ? ', and it is missing' : `, not ${show(value)}`;
}

/** The first `length` characters of `text`, not splitting a surrogate pair or an escape. */
function cut(text: string, length: number): string {
  let end = length;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  const escape = text.lastIndexOf('\\', end - 1);
  if (escape >= end - 6) end = escape;
  return text.slice(0, end);
}
