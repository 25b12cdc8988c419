/** Collapses whitespace and cuts `text` to `max` characters, ending with "…" when cut. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max);
  // Do not leave half of a surrogate pair at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** "1 annotation", "3 annotations". */
export function countLabel(count: number, one = 'annotation', many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The url when it is safe to use as a link (http, https or file), otherwise undefined. */
export function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return ['http:', 'https:', 'file:'].includes(protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The message of whatever a promise rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Who wrote a team space's annotation ("by Ann", "by Ann, changed by Ben"); '' for one of the user's own. */
export function byLine({
  author,
  editor,
}: {
  author?: { user: string; name: string };
  editor?: { user: string; name: string };
}): string {
  if (!author) return '';
  const by = `by ${author.name || author.user}`;
  return editor && editor.user !== author.user ? `${by}, changed by ${editor.name || editor.user}` : by;
}
