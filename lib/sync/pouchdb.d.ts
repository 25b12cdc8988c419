// PouchDB ships no types. The extension uses it only through ./mirror.ts's narrow interface
// and ./engine.ts, so the modules are declared as loosely as PouchDB is written.
declare module 'pouchdb-browser' {
  const PouchDB: any;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: any;
  export default plugin;
}
