import { checkSpaceAddress, databaseUrl, serverPermission } from '../../../lib/sync/space-address';

describe('the team space address', () => {
  it('takes an https server and a CouchDB database name, and asks for that one server', () => {
    const address = checkSpaceAddress(' https://couch.devon.gov.uk/ ', 'annotations-devon');
    expect(address).toEqual({ server: 'https://couch.devon.gov.uk', database: 'annotations-devon' });
    expect(databaseUrl(address as never)).toBe('https://couch.devon.gov.uk/annotations-devon');
    expect(serverPermission(address as never)).toBe('https://couch.devon.gov.uk/*');
  });

  it('keeps a path prefix for a server behind a proxy', () => {
    expect(checkSpaceAddress('https://example.org/couch/', 'space')).toEqual({
      server: 'https://example.org/couch',
      database: 'space',
    });
  });

  it('refuses plain http except on this computer', () => {
    expect(checkSpaceAddress('http://couch.devon.gov.uk', 'space')).toBe(
      'The server address must start with https:// (plain http:// only for a server on this computer).',
    );
    expect(checkSpaceAddress('http://127.0.0.1:5984', 'space')).toEqual({
      server: 'http://127.0.0.1:5984',
      database: 'space',
    });
    expect(checkSpaceAddress('http://localhost:5984', 'space')).toMatchObject({ database: 'space' });
  });

  it('says what is wrong with an address that is not one, holds a password, or a bad database name', () => {
    expect(checkSpaceAddress('couch server', 'space')).toMatch(/^The server address is not a web address/);
    expect(checkSpaceAddress('https://ann:secret@couch.example.org', 'space')).toBe(
      'Leave the user name and password out of the server address.',
    );
    expect(checkSpaceAddress('https://couch.example.org', 'Annotations')).toMatch(
      /^The database name must start/,
    );
    expect(checkSpaceAddress('https://couch.example.org', '_users')).toMatch(/^The database name must start/);
  });
});
