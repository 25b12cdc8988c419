import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerGrantedSites, switchOnSite, unregisterSite } from '../lib/activation/inject';
import { AUTOMATIC_SITES } from '../lib/activation/sites';
import { backgroundHandlers } from '../lib/background/handlers';
import { forgetTab, openReportsInViewer } from '../lib/background/open-reports';
import { SuggestionService } from '../lib/background/suggestions';
import { TeamSpace, WAKE_ALARM } from '../lib/background/team-space';
import { tellOpenPages } from '../lib/background/tell-open-pages';
import { annotateInTab, COMMAND_ANNOTATE, createMenus, onMenuClick } from '../lib/background/user-actions';
import { openDb } from '../lib/db/database';
import { senderKind } from '../lib/messages/senders';
import { serveMessages } from '../lib/messages/serve';

export default defineBackground(() => {
  const db = openDb();
  const origin = browser.runtime.getURL('/');
  const report = (error: unknown) => console.error('Ofsted Annotator:', error);
  const space = new TeamSpace(db, (urls) => void tellOpenPages(urls).catch(report));

  browser.runtime.onMessage.addListener(
    serveMessages(
      backgroundHandlers({
        db,
        kindOf: (sender) => senderKind(sender, browser.runtime.id, origin),
        setBadge: (tabId, count) =>
          void browser.action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(report),
        space,
        suggestions: new SuggestionService(db),
      }),
      (sender) => senderKind(sender, browser.runtime.id, origin) !== null,
    ),
  );

  // At every start, not only on install: the rule must be in place as soon as possible.
  void openReportsInViewer().catch(report);
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void registerGrantedSites(AUTOMATIC_SITES).catch(report);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab).catch(report));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND_ANNOTATE) void annotateInTab(tab).catch(report);
  });
  browser.permissions.onAdded.addListener(({ origins = [] }) =>
    origins.forEach((o) => void switchOnSite(o).catch(report)),
  );
  browser.permissions.onRemoved.addListener(({ origins = [] }) =>
    origins.forEach((o) => void unregisterSite(o).catch(report)),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(report));
  // A connected team space syncs whenever the background runs; the alarm wakes it.
  void space.resume().catch(report);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void space.resume().catch(report);
  });
});
