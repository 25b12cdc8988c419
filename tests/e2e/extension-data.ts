import type { Session } from './harness';

// The extension's data and service worker, reached as its own pages and DevTools reach them:
// for tests about what is shown once annotations exist, and about crashes.

export interface SeedAnnotation {
  url: string;
  title: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  themes?: string[];
  severity?: 0 | 1 | 2 | 3 | 4;
  note?: string;
}

/**
 * Saves annotations through the extension's own messages, from one of its pages, as the
 * popup or dashboard would: for tests about what is shown once annotations exist.
 */
export async function seedAnnotations(session: Session, annotations: SeedAnnotation[]): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.evaluate(async (seeds) => {
    for (const seed of seeds) {
      const reply = await chrome.runtime.sendMessage({
        type: 'annotation/create',
        payload: {
          url: seed.url,
          title: seed.title,
          draft: {
            quote: seed.quote,
            selectors: [
              {
                type: 'TextQuoteSelector',
                exact: seed.quote,
                prefix: seed.prefix ?? '',
                suffix: seed.suffix ?? '',
              },
            ],
            themes: seed.themes ?? [],
            severity: seed.severity ?? 3,
            note: seed.note ?? '',
          },
        },
      });
      if (!reply?.ok) throw new Error(`Could not seed "${seed.quote}": ${reply?.error}`);
    }
  }, annotations);
  await page.close();
}

interface StoredAnnotation {
  id: string;
  url: string;
  quote: string;
  selectors: Array<{ type: string; [field: string]: unknown }>;
  note: string;
  themes: string[];
  severity: number;
}

/** Every annotation in the extension's database, read from one of its pages. */
export async function storedAnnotations(session: Session): Promise<StoredAnnotation[]> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const rows = await page.evaluate(
    () =>
      new Promise<StoredAnnotation[]>((resolve, reject) => {
        const open = indexedDB.open('ofsted-annotator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
  await page.close();
  return rows;
}

/** Stops the extension's service worker, as the browser does when it has been idle for 30 s. */
export async function stopServiceWorker(session: Session): Promise<void> {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) =>
        target.type === 'service_worker' &&
        target.url.startsWith(`chrome-extension://${session.extensionId}/`),
    );
    if (!worker) throw new Error('The extension has no service worker running');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach();
  }
}
