/** Reading the shop's library, for the routes and for the live streams. */
import { toPack } from '@/lib/store/pack';
import type { ReplyPack, ShopData } from '@/lib/store/types';
import type { Queryable } from '@/server/db';
import { notFound } from '@/server/errors';

export interface LibraryState {
  revision: number;
  library: ReplyPack;
}

export async function readLibrary(db: Queryable, shopId: number): Promise<LibraryState> {
  const [row] = await db.query<{ revision: number; data: ShopData; updated_at: Date }>(
    'SELECT revision, data, updated_at FROM library WHERE shop_id = $1',
    [shopId],
  );
  if (!row) throw notFound('Library');
  return { revision: row.revision, library: toPack(row.data, row.updated_at) };
}
