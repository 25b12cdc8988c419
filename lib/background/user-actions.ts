import { browser, type Browser } from 'wxt/browser';
import { ensureRunning } from '../activation/inject';
import { canAnnotate } from '../activation/sites';
import { sendToTab, sendToViewer } from '../messages/send';
import { viewerUrl } from './open-reports';

export const MENU_ANNOTATE = 'annotate-selection';
export const MENU_SWITCH_ON = 'switch-on';
export const MENU_OPEN_PDF = 'open-pdf';
export const COMMAND_ANNOTATE = 'annotate-selection';

/** The context menu: annotate a selection, switch the annotator on, open a linked PDF in the viewer. */
export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU_ANNOTATE, title: 'Annotate selection', contexts: ['selection'] });
    browser.contextMenus.create({
      id: MENU_SWITCH_ON,
      title: 'Switch on Ofsted Annotator for this page',
      contexts: ['page'],
    });
    browser.contextMenus.create({ id: MENU_OPEN_PDF, title: 'Open in Ofsted Annotator', contexts: ['link'] });
  });
}

/** Opens the dialog for the tab's selection, switching the annotator on first if need be. */
export async function annotateInTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id !== undefined && tab.url?.startsWith(browser.runtime.getURL('/viewer.html'))) {
    await sendToViewer(tab.id, 'dialog/open', {});
    return;
  }
  if (tab?.id === undefined || !canAnnotate(tab.url)) return;
  await ensureRunning(tab.id);
  await sendToTab(tab.id, 'dialog/open', {});
}

export async function onMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (info.menuItemId === MENU_OPEN_PDF && info.linkUrl) {
    await browser.tabs.create({ url: viewerUrl(info.linkUrl), index: tab ? tab.index + 1 : undefined });
    return;
  }
  if (tab?.id === undefined || !canAnnotate(tab.url)) return;
  if (info.menuItemId === MENU_ANNOTATE) await annotateInTab(tab);
  if (info.menuItemId === MENU_SWITCH_ON) await ensureRunning(tab.id);
}
