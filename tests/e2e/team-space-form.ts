import type { Page } from 'playwright-core';
import type { Session } from './harness';

export interface SpaceMember {
  user: string;
  password: string;
  name: string;
}

/** Opens the options page, fills in the Team space form as a user does and presses Connect. */
export async function fillAndConnect(
  session: Session,
  {
    server,
    database,
    who,
    beforeConnect,
  }: {
    server: string;
    database: string;
    who: SpaceMember;
    /** Runs in the filled-in page just before the click (e.g. to start recording its status). */
    beforeConnect?: (options: Page) => Promise<void>;
  },
): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const section = options.getByRole('region', { name: 'Team space' });
  await section.getByLabel('Server address').fill(server);
  await section.getByLabel('Database').fill(database);
  await section.getByLabel('User name').fill(who.user);
  await section.getByLabel('Password').fill(who.password);
  await section.getByLabel('Your name').fill(who.name);
  await beforeConnect?.(options);
  await section.getByRole('button', { name: 'Connect' }).click();
  return options;
}
