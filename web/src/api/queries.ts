import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type { AllEndpoints, AnyRoute, Group } from './types';

/** Query keys: everything about a group starts with ['group', id], so one invalidation reaches it all. */
export const keys = {
  me: ['me'] as const,
  user: (id: string) => ['user', id] as const,
  groups: (q: string) => ['groups', q] as const,
  group: (id: string) => ['group', id] as const,
  groupThreads: (id: string, filters: object) => ['group', id, 'threads', filters] as const,
  groupTags: (id: string) => ['group', id, 'tags'] as const,
  members: (id: string, filters: object) => ['group', id, 'members', filters] as const,
  reports: (id: string, status: string) => ['group', id, 'reports', status] as const,
  audit: (id: string) => ['group', id, 'audit'] as const,
  thread: (id: string) => ['thread', id] as const,
  replies: (id: string, sort: string) => ['thread', id, 'replies', sort] as const,
  revisions: (id: string) => ['thread', id, 'revisions'] as const,
  feed: (sort: string) => ['feed', sort] as const,
  notifications: (unread: boolean) => ['notifications', unread] as const,
  subscription: (groupId: string) => ['group', groupId, 'subscription'] as const,
  threadSubscription: (threadId: string) => ['thread', threadId, 'subscription'] as const,
};

export type PageOf<T> = { items: T[]; nextCursor: string | null };
type PagedRoute = {
  [R in AnyRoute]: AllEndpoints[R]['response'] extends PageOf<unknown> ? R : never;
}[AnyRoute];

/** A keyset-paginated list as an infinite query ("load more" fetches the next cursor). */
export function usePagedList<R extends PagedRoute>(
  queryKey: readonly unknown[],
  route: R,
  opts: { params?: AllEndpoints[R]['params']; query?: Partial<AllEndpoints[R]['query']> },
  enabled = true,
) {
  const result = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      (await (api as (r: string, o: object) => Promise<unknown>)(route, {
        params: opts.params,
        query: { ...(opts.query ?? {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      })) as AllEndpoints[R]['response'],
    getNextPageParam: (last) => (last as PageOf<unknown>).nextCursor,
  });
  type Item = AllEndpoints[R]['response'] extends PageOf<infer I> ? I : never;
  const items = (result.data?.pages.flatMap((p) => (p as PageOf<Item>).items) ?? []) as Item[];
  return { ...result, items };
}

export function useGroup(groupId: string | undefined) {
  return useQuery({
    queryKey: keys.group(groupId ?? ''),
    enabled: !!groupId,
    queryFn: ({ signal }) =>
      api('GET /api/groups/{groupId}', { params: { groupId: groupId! }, signal }),
  });
}

export function useThread(threadId: string | undefined) {
  return useQuery({
    queryKey: keys.thread(threadId ?? ''),
    enabled: !!threadId,
    queryFn: ({ signal }) =>
      api('GET /api/threads/{threadId}', { params: { threadId: threadId! }, signal }),
  });
}

/** Invalidates everything cached about a group, whether its key holds the id or the slug. */
export function invalidateGroup(qc: QueryClient, groupId: string): Promise<void> {
  return qc.invalidateQueries({
    predicate: (q) => {
      if (q.queryKey[0] !== 'group') return false;
      if (q.queryKey[1] === groupId) return true;
      const g = qc.getQueryData<Group>(['group', q.queryKey[1]]);
      return g?.id === groupId;
    },
  });
}

/** Applies `update` to every item with `id` in the cached pages of lists matching `prefix`. */
export function patchListItems<T extends { id: string }>(
  qc: QueryClient,
  prefix: readonly unknown[],
  id: string,
  update: (item: T) => T,
): void {
  qc.setQueriesData<InfiniteData<PageOf<T>>>({ queryKey: prefix }, (data) =>
    data && 'pages' in data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((it) => (it.id === id ? update(it) : it)),
          })),
        }
      : data,
  );
}

/** The caller's role in a group when an active member; null otherwise. */
export function activeRole(group: Group | undefined): 'owner' | 'moderator' | 'member' | null {
  const m = group?.membership;
  return m && m.status === 'active' ? m.role : null;
}

export function isModerator(group: Group | undefined): boolean {
  const role = activeRole(group);
  return role === 'owner' || role === 'moderator';
}
