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
