import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createShopStore, type ShopStoreOptions } from '@/lib/store/shop-store';

/** A store on its own fresh in-memory IndexedDB; `reopen` opens the same database again, as a restarted worker would. */
export async function freshStore(options: ShopStoreOptions = {}) {
  const factory = new IDBFactory();
  let counter = 0;
  const base: ShopStoreOptions = { factory, newId: () => `id${++counter}`, hitFlushMs: 10, ...options };
  const store = await createShopStore(base);
  await store.managedReady;
  return {
    store,
    factory,
    reopen: async (more: ShopStoreOptions = {}) => {
      store.close();
      const again = await createShopStore({ ...base, ...more });
      await again.managedReady;
      return again;
    },
  };
}
