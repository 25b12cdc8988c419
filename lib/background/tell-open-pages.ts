import { browser } from 'wxt/browser';
import { sendToTab, sendToViewer } from '../messages/send';

/**
 * Tells every open page and PDF viewer that these documents' annotations changed (they came
 * from the team space); each paints again only if it shows one of them. Tabs where the
 * annotator does not run do not answer, which is expected.
 */
export async function tellOpenPages(urls: Set<string>): Promise<void> {
  const payload = { urls: [...urls] };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined
        ? []
        : [
            sendToTab(tab.id, 'annotations/changed', payload).catch(() => null),
            sendToViewer(tab.id, 'annotations/changed', payload).catch(() => null),
          ],
    ),
  );
}
