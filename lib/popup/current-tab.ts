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

/** The tab the popup was opened for, and whether the annotator runs in it. */
export async function currentTab(): Promise<CurrentTab> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const base = { id: tab?.id, url: tab?.url ?? '', title: tab?.title ?? '', orphanIds: [] };
  if (tab?.id === undefined || !canAnnotate(tab.url)) return { ...base, status: 'unsupported' };
  try {
    const status = await sendToTab(tab.id, 'page/status', {});
    return { ...base, status: 'active', orphanIds: status.orphanIds };
  } catch {
    return { ...base, status: 'inactive' };
  }
}
