/**
 * Where the annotator runs without being asked: Ofsted's sites, councils' sites (every English
 * council publishes its Ofsted reports on a gov.uk address) and news sites that carry these
 * stories. Anywhere else the user switches it on for a tab, or for a site.
 */
export const AUTOMATIC_SITES = [
  '*://reports.ofsted.gov.uk/*',
  '*://*.gov.uk/*',
  '*://www.bbc.co.uk/news*',
  '*://www.bbc.com/news*',
  '*://www.devonlive.com/*',
  '*://www.plymouthherald.co.uk/*',
  '*://www.theguardian.com/*',
  '*://www.communitycare.co.uk/*',
  '*://www.cypnow.co.uk/*',
  '*://www.localgov.co.uk/*',
];

/** The match pattern for every page of a page's site, or null for pages no extension may touch. */
export function sitePattern(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Sites Firefox lets no extension touch (its `extensions.webextensions.restrictedDomains`), as
 * Chrome does its web store.
 */
const FIREFOX_RESTRICTED_HOSTS = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/** Whether the extension may be switched on for a page at all (web pages only). */
export function canAnnotate(pageUrl: string | undefined): boolean {
  if (!pageUrl) return false;
  if (/^https?:\/\/chrome(webstore)?\.google\.com\/(webstore)?/.test(pageUrl)) return false;
  if (sitePattern(pageUrl) === null) return false;
  return !FIREFOX_RESTRICTED_HOSTS.has(new URL(pageUrl).hostname);
}
