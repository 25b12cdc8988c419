import { browser } from 'wxt/browser';
import { canAnnotate } from '../activation/sites';
import { sendToTab } from '../messages/send';

export interface CurrentTab {
  id: number | undefined;
  url: string;
  title: string;
  status: 'active' | 'inactive' | 'unsupported';
  orphanIds: string[];
}

/**
 * The tab the popup was opened for, and whether the annotator runs in it. The address comes
 * from the annotator in the page where it runs (the extension asks for no "tabs"
 * permission), else from the activeTab grant of the click that opened the popup.
 */
export async function currentTab(): Promise<CurrentTab> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined)
    return { id: undefined, url: '', title: '', status: 'unsupported', orphanIds: [] };
  try {
    const page = await sendToTab(tab.id, 'page/status', {});
    return { id: tab.id, url: page.url, title: page.title, status: 'active', orphanIds: page.orphanIds };
  } catch {
    const url = tab.url ?? '';
    const status = url && !canAnnotate(url) ? 'unsupported' : 'inactive';
    return { id: tab.id, url, title: tab.title ?? '', status, orphanIds: [] };
  }
}
