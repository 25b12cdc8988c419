import { browser } from 'wxt/browser';
import { canAnnotate } from '../activation/sites';
import { sendToTab, sendToViewer } from '../messages/send';
import type { ReportDetails } from '../model';
import type { ContentRequests } from '../messages/protocol';

type PageStatus = ContentRequests['page/status']['response'];

export interface CurrentTab {
  id: number | undefined;
  /** A web page (content script) or a report in the extension's PDF viewer. */
  kind: 'web' | 'viewer';
  url: string;
  title: string;
  status: 'active' | 'inactive' | 'unsupported' | 'pdf';
  orphanIds: string[];
  details?: ReportDetails;
}

/**
 * The tab the popup was opened for, and whether the annotator runs in it. The address comes
 * from the annotator in the page (or the PDF viewer) where it runs — the extension asks for
 * no "tabs" permission — else from the activeTab grant of the click that opened the popup.
 */
export async function currentTab(): Promise<CurrentTab> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const id = tab?.id;
  if (id === undefined) return { id, kind: 'web', url: '', title: '', status: 'unsupported', orphanIds: [] };
  const running = (kind: CurrentTab['kind'], page: PageStatus): CurrentTab => ({
    id,
    kind,
    url: page.url,
    title: page.title,
    status: 'active',
    orphanIds: page.orphanIds,
    details: page.details,
  });
  try {
    return running('web', await sendToTab(id, 'page/status', {}));
  } catch {
    // Not a web page with the annotator: perhaps the extension's own PDF viewer.
  }
  try {
    return running('viewer', await sendToViewer(id, 'page/status', {}));
  } catch {
    const url = tab?.url ?? '';
    const status = isPdfAddress(url) ? 'pdf' : url && !canAnnotate(url) ? 'unsupported' : 'inactive';
    return { id, kind: 'web', url, title: tab?.title ?? '', status, orphanIds: [] };
  }
}

/** A PDF the browser shows in its own viewer, where no content script runs. */
export function isPdfAddress(url: string): boolean {
  return /^https?:\/\/[^?#]+\.pdf([?#]|$)/i.test(url);
}

/** Sends a request to whatever annotates the tab: its content script or the PDF viewer. */
export function sendToCurrent<K extends keyof ContentRequests>(
  tab: CurrentTab,
  type: K,
  payload: ContentRequests[K]['request'],
): Promise<ContentRequests[K]['response']> {
  if (tab.id === undefined) return Promise.reject(new Error('No tab.'));
  return tab.kind === 'viewer' ? sendToViewer(tab.id, type, payload) : sendToTab(tab.id, type, payload);
}
