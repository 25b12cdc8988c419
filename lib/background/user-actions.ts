import { browser, type Browser } from 'wxt/browser';
import { ensureRunning } from '../activation/inject';
import { canAnnotate } from '../activation/sites';
import { sendToTab } from '../messages/send';

export const MENU_ANNOTATE = 'annotate-selection';
export const MENU_SWITCH_ON = 'switch-on';
export const COMMAND_ANNOTATE = 'annotate-selection';

/** The page context menu: annotate a selection, or switch the annotator on for the tab. */
export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU_ANNOTATE, title: 'Annotate selection', contexts: ['selection'] });
    browser.contextMenus.create({
      id: MENU_SWITCH_ON,
      title: 'Switch on Ofsted Annotator for this page',
      contexts: ['page'],
    });
  });
}

/** Opens the dialog for the tab's selection, switching the annotator on first if need be. */
export async function annotateInTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined || !canAnnotate(tab.url)) return;
  await ensureRunning(tab.id);
  await sendToTab(tab.id, 'dialog/open', {});
}

export async function onMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (tab?.id === undefined || !canAnnotate(tab.url)) return;
  if (info.menuItemId === MENU_ANNOTATE) await annotateInTab(tab);
  if (info.menuItemId === MENU_SWITCH_ON) await ensureRunning(tab.id);
}
