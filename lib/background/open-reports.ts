import { browser } from 'wxt/browser';

/** Ofsted's report files, which open in the extension's own PDF viewer. */
const OFSTED_REPORT_ADDRESS = '^https://files(\\.api)?\\.ofsted\\.gov\\.uk/v1/file/.*';
const RULE_ID = 1;

/** The viewer's address for a PDF at `fileUrl`. */
export function viewerUrl(fileUrl: string, getUrl = browser.runtime.getURL): string {
  return `${getUrl('/viewer.html')}?file=${encodeURIComponent(fileUrl)}`;
}

/**
 * Sends every visit to an Ofsted report file (a link followed or an address typed) to the
 * viewer, because a content script cannot run in the browser's own PDF viewer. Only top-level
 * navigations: the viewer's own download of the file goes through untouched.
 */
export async function openReportsInViewer(): Promise<void> {
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: [RULE_ID],
    addRules: [
      {
        id: RULE_ID,
        priority: 1,
        action: {
          type: 'redirect',
          redirect: { regexSubstitution: `${browser.runtime.getURL('/viewer.html')}?file=\\0` },
        },
        condition: { regexFilter: OFSTED_REPORT_ADDRESS, resourceTypes: ['main_frame'] },
      },
    ],
  });
}

/**
 * Opens a report's original file in a new tab, in the browser's own PDF viewer (to print or
 * save it): that one tab is let through the rule above.
 */
export async function openOriginal(url: string): Promise<void> {
  const tab = await browser.tabs.create({ url: 'about:blank' });
  if (tab.id === undefined) return;
  await browser.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id: tab.id,
        priority: 2,
        action: { type: 'allow' },
        condition: { tabIds: [tab.id], resourceTypes: ['main_frame'] },
      },
    ],
  });
  await browser.tabs.update(tab.id, { url });
}

/** Forgets a closed tab that was let through. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [tabId] });
}
