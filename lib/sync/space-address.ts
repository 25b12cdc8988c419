// Where a team space is: a CouchDB server and a database on it, checked before anything is
// sent. Plain HTTP would send the password and every note in the clear, so it is refused
// except on the user's own machine (loopback), where a test or a local server runs.

export interface SpaceAddress {
  /** The server's origin, e.g. https://couch.devon.gov.uk (a path prefix kept, for a proxy). */
  server: string;
  database: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** The checked address, or a message saying what is wrong with what the user typed. */
export function checkSpaceAddress(serverText: string, databaseText: string): SpaceAddress | string {
  let url: URL;
  try {
    url = new URL(serverText.trim());
  } catch {
    return 'The server address is not a web address: write it like https://couch.example.gov.uk';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return 'The server address must start with https:// (plain http:// only for a server on this computer).';
  }
  if (url.username || url.password) return 'Leave the user name and password out of the server address.';
  const database = databaseText.trim();
  if (!DATABASE_NAME.test(database)) {
    return 'The database name must start with a lower-case letter and hold only a–z, 0–9 and _$()+-/.';
  }
  const server = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { server, database };
}

/** The database's address on its server. */
export function databaseUrl({ server, database }: SpaceAddress): string {
  return `${server}/${encodeURIComponent(database)}`;
}

/** The host permission the browser is asked for: this one server, nothing wider. */
export function serverPermission({ server }: SpaceAddress): string {
  return `${new URL(server).origin}/*`;
}
