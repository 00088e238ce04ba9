import { BadRequestException, Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit=` (1..100, default 20) and an opaque `?cursor=`: keyset pagination, never OFFSET. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (nextCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CursorValue = string | number | null;

/** Encodes the sort key of the last item of a page. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` keys; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined, arity: number): CursorValue[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    /* fall through */
  }
  throw new BadRequestException(['cursor is not a valid cursor for this list']);
}

/** Given limit+1 fetched rows, cuts the page and makes the next cursor from the last kept row. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => CursorValue[], map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), nextCursor: more ? encodeCursor(key(kept[kept.length - 1])) : null };
}

export function pageLimit(query: { limit?: number }): number {
  return query.limit ?? 20;
}

const pageClasses = new Map<ClassType<unknown>, ClassType<unknown>>();

/** A named OpenAPI schema `{ items: Item[], nextCursor }` for a list response. */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const existing = pageClasses.get(item);
  if (existing) return existing as ClassType<Page<T>>;
  class PageDto {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null at the end' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$|Response$/, '')}Page` });
  pageClasses.set(item, PageDto);
  return PageDto as ClassType<Page<T>>;
}

/** Decodes a cursor made of one id (lists ordered by a ULID or another unique string key). */
export function decodeIdCursor(cursor: string | undefined): string | null {
  const values = decodeCursor(cursor, 1);
  if (!values) return null;
  if (typeof values[0] !== 'string') throw new BadRequestException(['cursor is not a valid cursor for this list']);
  return values[0];
}
