// Small readers of W3C Web Annotation JSON-LD shared by the W3C import's modules: types,
// values that may be one or a list, and the IRIs resources are named by.

export type Json = Record<string, unknown>;

/** The type names of `value` ("Annotation", "oa:Annotation" read as "Annotation"). */
function typesOf(value: Json): string[] {
  const types: unknown[] = Array.isArray(value.type) ? value.type : [value.type];
  return types.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^oa:/, ''));
}

/** Whether `value` is of type `name`; JSON-LD writers may compact it as "oa:name" or list several types. */
export function hasType(value: Json, name: string): boolean {
  return typesOf(value).includes(name);
}

/** The first type name of `value`, without an "oa:" prefix. */
export function typeName(value: Json): string | undefined {
  return typesOf(value)[0];
}

/** A property the model allows to hold one value or a list, as a list (none when missing). */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

/** The IRI a resource is named by: the string itself, or an object's `id`. */
export function iriOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { id } = value as Json;
    if (typeof id === 'string' && id.trim() !== '') return id.trim();
  }
  return undefined;
}

/** An http or https address: what can be opened as a page, or shown as a link in a note. */
export function isWebAddress(iri: string): boolean {
  try {
    const { protocol } = new URL(iri);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
