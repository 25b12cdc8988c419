import type { Browser } from 'wxt/browser';
import type { AnnotatorDb } from '../db/database';
import {
  annotationsForUrl,
  completeQuote,
  createAnnotation,
  deleteAnnotation,
  listThemes,
  restoreAnnotation,
  updateAnnotation,
} from '../db/annotations';
import { documentUrl } from '../document-url';
import type { Handlers } from '../messages/serve';
import type { BackgroundRequests } from '../messages/protocol';
import type { SenderKind } from '../messages/senders';
import { checkPassages, type SuggestionService } from './suggestions';
import type { TeamSpace } from './team-space';

type Sender = Browser.runtime.MessageSender;

interface Deps {
  db: AnnotatorDb;
  kindOf: (sender: Sender) => SenderKind | null;
  /** Shows the page's annotation count on the toolbar button. */
  setBadge: (tabId: number, count: number) => void;
  space: Pick<TeamSpace, 'connect' | 'disconnect' | 'assertMayChange'>;
  suggestions: Pick<SuggestionService, 'suggest'>;
}

/**
 * The background's answers. The document is the sender's own page for a content script, so
 * a page reaches only its own annotations; extension pages name it. Only an extension page
 * (the PDF viewer) may say what a report says about itself: a web page could claim anything.
 */
export function backgroundHandlers({ db, kindOf, setBadge, space, suggestions }: Deps): Handlers<BackgroundRequests> {
  const documentOf = (sender: Sender, named?: string): string => {
    const kind = kindOf(sender);
    if (kind === 'content-script') return documentUrl(pageAddress(sender.url!, named));
    if (kind === 'extension-page' && named) return documentUrl(named);
    throw new Error('This request must name its document.');
  };
  /** Team space requests come from the extension's own pages, never from a web page. */
  const fromExtensionPage = (sender: Sender) => {
    if (kindOf(sender) !== 'extension-page')
      throw new Error('Only the extension’s options page may do this.');
  };

  return {
    'page/load': async ({ url }, sender) => ({
      annotations: await annotationsForUrl(db, documentOf(sender, url)),
      themes: await listThemes(db),
    }),
    'annotation/create': ({ id, draft, title, url, details }, sender) =>
      createAnnotation(db, {
        id,
        url: documentOf(sender, url),
        title,
        draft,
        details: kindOf(sender) === 'extension-page' ? details : undefined,
      }),
    'annotation/update': async ({ id, changes, url }, sender) => {
      const doc = documentOf(sender, url);
      await space.assertMayChange(id);
      return updateAnnotation(db, { url: doc, id, changes });
    },
    'annotation/complete': async ({ id, quote, selectors, url }, sender) => {
      const doc = documentOf(sender, url);
      // A colleague's annotation in an own-only space stays as they left it.
      const mayChange = await space.assertMayChange(id).then(() => true, () => false);
      return mayChange ? completeQuote(db, { url: doc, id, quote, selectors }) : null;
    },
    'annotation/delete': async ({ id, url }, sender) => {
      const doc = documentOf(sender, url);
      await space.assertMayChange(id);
      return deleteAnnotation(db, { url: doc, id });
    },
    'annotation/restore': ({ annotation, title }, sender) =>
      restoreAnnotation(db, { url: documentOf(sender, annotation.url), annotation, title }),
    'passages/suggest': async ({ passages }) => suggestions.suggest(checkPassages(passages)),
    'page/anchored': async ({ total }, sender) => {
      if (sender.tab?.id !== undefined && sender.frameId === 0) setBadge(sender.tab.id, total);
      return null;
    },
    'space/connect': async (request, sender) => {
      fromExtensionPage(sender);
      const { me } = await space.connect(request);
      return me;
    },
    'space/disconnect': async (_request, sender) => {
      fromExtensionPage(sender);
      await space.disconnect();
      return null;
    },
  };
}

/**
 * A content script's document: the address it names when that is on its own page's origin
 * (a single-page site moves with history.pushState, which the sender's URL does not follow),
 * else the page the browser says sent the message. A page can name no other site's document.
 */
function pageAddress(senderUrl: string, named: string | undefined): string {
  return named && sameOrigin(named, senderUrl) ? named : senderUrl;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
