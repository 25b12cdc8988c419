/** An object store as IndexedDB holds it: key path and indexes. */
export interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Array<{ name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

/** The object stores of an open database, by name, read with the plain IndexedDB API. */
export function storeShapes(idb: IDBDatabase): StoreShape[] {
  const names = [...idb.objectStoreNames].sort();
  if (names.length === 0) return [];
  const tx = idb.transaction(names, 'readonly');
  return names.map((storeName) => {
    const store = tx.objectStore(storeName);
    return {
      name: storeName,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].sort().map((indexName) => {
        const index = store.index(indexName);
        return {
          name: indexName,
          keyPath: index.keyPath,
          unique: index.unique,
          multiEntry: index.multiEntry,
        };
      }),
    };
  });
}
