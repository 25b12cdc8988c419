/**
 * The address of the PDF named in the viewer's own address, `viewer.html?file=<address>`, or
 * null when there is none (the viewer then offers a file chooser).
 *
 * The address may come percent-encoded (`?file=https%3A%2F%2F…`, as `encodeURIComponent`
 * writes it) or as it is (`?file=https://…?a=1&b=2`, as a redirect rule writes it): everything
 * after the first `file=` parameter is taken, and decoded only when it is encoded.
 */
export function fileParam(viewerHref: string): string | null {
  const query = viewerHref.indexOf('?');
  if (query < 0) return null;
  const match = /(?:^|&)file=/.exec(viewerHref.slice(query + 1));
  if (!match) return null;
  const raw = viewerHref.slice(query + 1 + match.index + match[0].length);
  if (raw === '') return null;
  // An address given as it is starts with its scheme; an encoded one has its ':' encoded.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, '%20'));
  } catch {
    return raw; // a stray '%' that is not an escape: take it as it is
  }
}

/** Whether the viewer may download an address itself: web addresses only. */
export function isWebAddress(address: string): boolean {
  try {
    const { protocol } = new URL(address);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The page named by the viewer's own fragment, `#page=N` (as links to quotes write it). */
export function pageParam(viewerHash: string): number | null {
  const match = /(?:^#|&)page=(\d+)/.exec(viewerHash);
  return match ? Number(match[1]) : null;
}
