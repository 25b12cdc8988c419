// A CouchDB stand-in for the team-space tests: pouchdb-server 4.2 (a devDependency), in memory,
// on a free port of 127.0.0.1, with a server admin. CouchDB itself is not installed here.
//
// pouchdb-server is one Node process: it spawns no child. It is started as the leader of its
// own process group all the same, and signals go to the whole group, so nothing it might start
// could outlive `stop()` or keep answering while it is paused.
//
// Where pouchdb-server answers otherwise than CouchDB 3 (see tests/e2e/couch-server.test.ts):
// - a signed-in user who is not a member of a database gets 401 `unauthorized` (CouchDB: 403
//   `forbidden`); a user who is not signed in gets 401 from both;
// - a missing database's 404 gives the reason "no_db_file" (CouchDB 3: "Database does not exist.");
// - sequence numbers (`seq`, `last_seq`, `update_seq`) are numbers (CouchDB 3: opaque strings);
// - JSON answers are sent as text/plain unless the request accepts application/json (CouchDB 3:
//   always application/json).

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder (ESM: the tests and the benchmark both load these modules). */
const HERE = dirname(fileURLToPath(import.meta.url));

const POUCHDB_SERVER = resolve(HERE, '../../node_modules/pouchdb-server/bin/pouchdb-server');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** A document as CouchDB stores it. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface CouchServer {
  /** Where it answers, without a trailing slash: `http://127.0.0.1:PORT`. */
  url: string;
  /** The server admin, created at start with a random password. */
  admin: { name: string; password: string };
  /** Adds a user to `_users`, who can then sign in with `POST /_session`. */
  createUser(name: string, password: string): Promise<void>;
  /**
   * Creates a team space: the database, and its `_security` naming its members and admins
   * (users, not roles). Only they (and the server admin) can then open it.
   */
  createSpace(db: string, people: { members: string[]; admins?: string[] }): Promise<void>;
  /** Writes a document as the server admin (PUT with `_id`, POST without); gives its id and new rev. */
  putDoc(db: string, doc: Partial<CouchDoc> & Record<string, unknown>): Promise<{ id: string; rev: string }>;
  /** A document as the server admin reads it, or undefined if there is none (404). */
  getDoc<T extends CouchDoc = CouchDoc>(db: string, id: string): Promise<T | undefined>;
  /** Every document of a database (design documents too), as `_all_docs?include_docs=true` lists them. */
  allDocs<T extends CouchDoc = CouchDoc>(db: string): Promise<T[]>;
  /** Any request as the server admin (Basic auth), to a path such as `/db/_changes`. */
  asAdmin(path: string, init?: RequestInit): Promise<Response>;
  /**
   * Stops the server answering, as a server that hangs or a network that drops packets: the
   * process is frozen (SIGSTOP). The kernel still accepts connections on its port, so a client
   * is not refused: its requests wait, unanswered, until they time out or `resume()` is called.
   * Its data stays in memory (there is no `restart()`: an in-memory server would lose it).
   */
  pause(): void;
  /** Lets a paused server go on (SIGCONT): it answers the requests that waited, with its data. */
  resume(): void;
  /** Ends the server (and anything it started), waits for it to exit, and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts pouchdb-server in memory on a free port of 127.0.0.1, in a fresh directory (it writes
 * `config.json` and `log.txt` where it runs), and makes a server admin.
 */
export async function startCouchServer(): Promise<CouchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'couch-server-'));
  const child = spawn(
    process.execPath,
    [POUCHDB_SERVER, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-color'],
    { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Should the test process end without `stop()`, the server goes with it.
  const killOnExit = () => signal(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      signal(child, 'SIGCONT'); // a paused process would not act on SIGTERM until continued
      signal(child, 'SIGTERM');
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((done) => setTimeout(() => done(true), STOP_TIMEOUT_MS)),
      ]);
      if (timedOut) {
        signal(child, 'SIGKILL');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilAnswering(url, child, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  const admin = { name: 'admin', password: randomBytes(18).toString('base64url') };
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const asAdmin = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    if (init.body !== undefined && !headers.has('Content-Type'))
      headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json');
    return fetch(url + path, { ...init, headers });
  };
  const json = async <T>(what: string, response: Response): Promise<T> => {
    const text = await response.text();
    if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const encoded = (name: string) => encodeURIComponent(name);
  const docPath = (db: string, id: string) =>
    // A design document's slash stays a slash, as CouchDB expects.
    `/${encoded(db)}/${id.startsWith('_design/') ? `_design/${encoded(id.slice(8))}` : encoded(id)}`;

  try {
    // Until there is an admin, everyone is one ("admin party"); this ends it. The body is the
    // password as a JSON string, as CouchDB's /_node/_local/_config/admins takes it.
    const made = await fetch(`${url}/_config/admins/${admin.name}`, {
      method: 'PUT',
      body: JSON.stringify(admin.password),
    });
    await json('creating the server admin', made);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    admin,
    asAdmin,
    async createUser(name, password) {
      const id = `org.couchdb.user:${name}`;
      await json(
        `creating user ${name}`,
        await asAdmin(`/_users/${encoded(id)}`, {
          method: 'PUT',
          body: JSON.stringify({ _id: id, name, password, roles: [], type: 'user' }),
        }),
      );
    },
    async createSpace(db, { members, admins = [] }) {
      await json(`creating database ${db}`, await asAdmin(`/${encoded(db)}`, { method: 'PUT' }));
      const security = { members: { names: members, roles: [] }, admins: { names: admins, roles: [] } };
      await json(
        `setting the members of ${db}`,
        await asAdmin(`/${encoded(db)}/_security`, { method: 'PUT', body: JSON.stringify(security) }),
      );
    },
    async putDoc(db, doc) {
      const response =
        typeof doc._id === 'string'
          ? await asAdmin(docPath(db, doc._id), { method: 'PUT', body: JSON.stringify(doc) })
          : await asAdmin(`/${encoded(db)}`, { method: 'POST', body: JSON.stringify(doc) });
      const { id, rev } = await json<{ id: string; rev: string }>(`writing a document to ${db}`, response);
      return { id, rev };
    },
    async getDoc<T extends CouchDoc>(db: string, id: string) {
      const response = await asAdmin(docPath(db, id));
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      return json<T>(`reading ${id} in ${db}`, response);
    },
    async allDocs<T extends CouchDoc>(db: string) {
      const listed = await json<{ rows: { doc: T }[] }>(
        `listing ${db}`,
        await asAdmin(`/${encoded(db)}/_all_docs?include_docs=true`),
      );
      return listed.rows.map((row) => row.doc);
    },
    pause: () => signal(child, 'SIGSTOP'),
    resume: () => signal(child, 'SIGCONT'),
    stop,
  };
}

/** A port no one listens on now: the one the system gives a listener on port 0. */
function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => found(port));
    });
  });
}

/** Polls `GET /` until the server answers; fails with its output if it exits or is too slow. */
async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  exited: Promise<void>,
  output: () => string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(`pouchdb-server exited (code ${child.exitCode}) before answering:\n${output()}`);
    }
    try {
      const response = await fetch(url + '/', { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(
    `pouchdb-server did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

/** Signals the server's process group (it leads one: see `detached` above). */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}
