import { BadRequestException } from '@nestjs/common';
import { CursorValue, decodeCursor, Page, toPage } from '../../common/pagination';

/** What each element of a keyset is: a timestamp (epoch ms in the cursor), an integer or an id. */
export type KeyPart = 'time' | 'int' | 'id';

const bad = () => new BadRequestException(['cursor is not a valid cursor for this list']);

/**
 * Cursors of this module carry the order they were made for as their first element, so a
 * cursor from another order (or another list) is refused with 400 instead of paging wrongly.
 */
export type KeyValue = Date | number | string;

/** Cuts limit+1 rows to a page; the next cursor holds `order` and the last row's key. */
export function cutPage<R>(
  rows: R[],
  limit: number,
  order: string,
  key: (row: R) => KeyValue[],
): Page<R> {
  return toPage(
    rows,
    limit,
    (r) => [order, ...key(r).map((v): CursorValue => (v instanceof Date ? v.getTime() : v))],
    (r) => r,
  );
}

/** The sort key after which the next page starts, with times turned back into Dates; null for the first page. */
export function decodeKey(
  cursor: string | undefined,
  order: string,
  parts: KeyPart[],
): unknown[] | null {
  const values = decodeCursor(cursor, parts.length + 1);
  if (!values) return null;
  const [tag, ...rest] = values;
  if (tag !== order)
    throw new BadRequestException([`cursor was made for another list or order than ${order}`]);
  return rest.map((v, i) => {
    switch (parts[i]) {
      case 'time':
        if (typeof v !== 'number' || !Number.isFinite(v) || Number.isNaN(new Date(v).getTime()))
          throw bad();
        return new Date(v);
      case 'int':
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw bad();
        return v;
      case 'id':
        if (typeof v !== 'string' || v.length > 26) throw bad();
        return v;
    }
  });
}
