// Signing in to a team space with CouchDB's cookie sessions (POST /_session): the password
// goes to the server once and is never stored; the browser keeps the session cookie for that
// server, which only the extension's requests carry (the server grants the extension alone
// its host permission). Each failure becomes a message that says what to do.

import { databaseUrl, type SpaceAddress } from './space-address';

export interface SessionInfo {
  user: string;
  roles: string[];
  /** May this user install the space's design document (a server or database admin)? */
  isAdmin: boolean;
}

export class SpaceError extends Error {}

type Fetch = typeof fetch;

/** Every request to the space carries the session cookie. */
export function withSession(fetchImpl: Fetch = fetch): Fetch {
  return (input, init) => fetchImpl(input, { ...init, credentials: 'include' });
}

/** Signs in and checks that the user is a member of the space's database. */
export async function signIn(
  address: SpaceAddress,
  user: string,
  password: string,
  fetchImpl: Fetch = fetch,
): Promise<SessionInfo> {
  const request = withSession(fetchImpl);
  const login = await reach(address, () =>
    request(`${address.server}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    }),
  );
  if (login.status === 401) throw new SpaceError('The user name or password is wrong.');
  if (!login.ok) throw new SpaceError(await serverSays(login, 'The server refused to sign you in'));
  const { roles = [] } = (await login.json()) as { roles?: string[] };
  return {
    user,
    roles,
    isAdmin: roles.includes('_admin') || (await isDatabaseAdmin(address, user, roles, request)),
  };
}

/** Checks the space's database as the signed-in user: it exists and they are a member. */
export async function checkMembership(
  address: SpaceAddress,
  user: string,
  fetchImpl: Fetch = fetch,
): Promise<void> {
  const response = await reach(address, () =>
    withSession(fetchImpl)(databaseUrl(address), { headers: { Accept: 'application/json' } }),
  );
  if (response.status === 404) {
    throw new SpaceError(
      `There is no database "${address.database}" on ${address.server}. Check its name with your space's admin.`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new SpaceError(
      `${user} is not a member of "${address.database}". Ask your space's admin to add you.`,
    );
  }
  if (!response.ok) throw new SpaceError(await serverSays(response, 'The server refused the database'));
}

/** Ends the session on the server (Disconnect); a server that cannot be reached is let be. */
export async function signOut(address: SpaceAddress, fetchImpl: Fetch = fetch): Promise<void> {
  await withSession(fetchImpl)(`${address.server}/_session`, { method: 'DELETE' }).catch(() => undefined);
}

async function isDatabaseAdmin(address: SpaceAddress, user: string, roles: string[], request: Fetch) {
  const response = await request(`${databaseUrl(address)}/_security`, {
    headers: { Accept: 'application/json' },
  }).catch(() => null);
  if (!response?.ok) return false;
  const security = (await response.json().catch(() => ({}))) as {
    admins?: { names?: string[]; roles?: string[] };
  };
  const admins = security.admins ?? {};
  return (admins.names ?? []).includes(user) || roles.some((role) => (admins.roles ?? []).includes(role));
}

/** A request, with the browser's network failure put in words. */
async function reach(address: SpaceAddress, send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch {
    throw new SpaceError(
      `Could not reach ${address.server}: check the address, that you are online, and that the ` +
        'server is running with a certificate this browser trusts.',
    );
  }
}

async function serverSays(response: Response, what: string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
  const reason = typeof body.reason === 'string' ? `: ${body.reason}` : '';
  return `${what} (HTTP ${response.status}${reason}).`;
}
