import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { sendToBackground } from '../../../lib/messages/send';

const LOST =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const answer = { ok: true, value: { annotations: [], themes: [] } } as const;

/** The browser's sendMessage, as the background's answers reach a content script. */
const spyOnSend = () =>
  vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as MockInstance<
    (message: unknown) => Promise<unknown>
  >;

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('sendToBackground', () => {
  it('sends the request once more when the background was stopped before it answered', async () => {
    const sendMessage = spyOnSend().mockRejectedValueOnce(new Error(LOST)).mockResolvedValueOnce(answer);
    await expect(sendToBackground('page/load', { url: 'https://www.devonlive.com/news/a' })).resolves.toEqual(
      answer.value,
    );
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[1]).toEqual(sendMessage.mock.calls[0]);
  });

  it('sends once more when no answer came at all, and says so if none comes again', async () => {
    const sendMessage = spyOnSend().mockResolvedValue(undefined);
    await expect(sendToBackground('page/load', { url: 'https://www.devonlive.com/news/a' })).rejects.toThrow(
      'The extension did not answer. Reload the page and try again.',
    );
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a request the background refused, nor one the browser refused for good', async () => {
    const sendMessage = spyOnSend()
      .mockResolvedValueOnce({ ok: false, error: 'Annotation not found on this page' })
      .mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(sendToBackground('annotation/delete', { id: 'a' })).rejects.toThrow(
      'Annotation not found on this page',
    );
    await expect(sendToBackground('annotation/delete', { id: 'a' })).rejects.toThrow(
      'Ofsted Annotator was updated or restarted. Reload the page to go on.',
    );
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('says in words when the background is lost twice', async () => {
    spyOnSend().mockRejectedValue(new Error(LOST));
    await expect(sendToBackground('page/load', { url: 'https://www.devonlive.com/news/a' })).rejects.toThrow(
      'The extension did not answer. Reload the page and try again.',
    );
  });
});
