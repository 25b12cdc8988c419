// A document's identity: the address it was read at, minus the parts that do not change the
// document. The fragment (#...) only scrolls; tracking parameters only say how the reader got
// there. Every other query parameter is kept, in its order and its original encoding, because
// it may select the document (?id=…, ?file=…).

/** Query parameters added by newsletters, ads and social networks (compared lower-cased). */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'mc_cid', 'mc_eid']);

function isTracking(param: string): boolean {
  const name = (param.split('=')[0] ?? '').toLowerCase();
  return name.startsWith('utm_') || TRACKING_PARAMS.has(name);
}

/** The address without its fragment and without tracking parameters. Idempotent. */
export function documentUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href.replace(/#.*$/s, '');
  }
  url.hash = '';
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((param) => param !== '' && !isTracking(param));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  return url.href;
}
