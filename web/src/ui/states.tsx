import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useErrorText } from './errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  // Trying again cannot help with "forbidden", "not found" and the like.
  const final =
    error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
  return (
    <div className="state state-error" role="alert">
      <p>{text(error)}</p>
      {retry && !final && (
        <button type="button" className="button secondary" onClick={retry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** A "load more" button for keyset-paginated lists. */
export function LoadMore({
  hasMore,
  loading,
  onMore,
}: {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="button secondary" onClick={onMore} disabled={loading}>
        {loading ? t('state.loading') : t('action.loadMore')}
      </button>
    </div>
  );
}

interface PagedListProps<T> {
  list: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    items: T[];
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    refetch(): unknown;
    fetchNextPage(): unknown;
  };
  /** Shown when the list is empty. */
  empty: ReactNode;
  children(items: T[]): ReactNode;
}

/** A keyset-paginated list with its loading, error and empty states and a "load more" button. */
export function PagedList<T>({ list, empty, children }: PagedListProps<T>) {
  let body: ReactNode;
  if (list.isPending) body = <Loading />;
  else if (list.isError) body = <ErrorState error={list.error} retry={() => void list.refetch()} />;
  else if (list.items.length === 0) body = <Empty>{empty}</Empty>;
  else body = children(list.items);
  return (
    <>
      {body}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
