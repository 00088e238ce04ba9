import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { invalidateGroup, keys, patchListItems, type PageOf } from '../api/queries';
import type { Reply, Thread } from '../api/types';
import { useLiveEvent } from './live';

/** Adds a reply to every cached replies list of its thread, unless it is already there. */
export function addReplyToCache(qc: ReturnType<typeof useQueryClient>, threadId: string, reply: Reply): boolean {
  let added = false;
  qc.setQueriesData<InfiniteData<PageOf<Reply>>>({ queryKey: ['thread', threadId, 'replies'] }, (data) => {
    if (!data || data.pages.some((p) => p.items.some((r) => r.id === reply.id))) return data;
    added = true;
    const pages = [...data.pages];
    const last = pages[pages.length - 1];
    // Only append when the list is fully loaded; otherwise "load more" will bring it.
    if (last.nextCursor === null) pages[pages.length - 1] = { ...last, items: [...last.items, reply] };
    return { ...data, pages };
  });
  return added;
}

/**
 * Keeps the query cache in step with live events: new replies join the open thread,
 * thread changes (lock, pin, accept, edit, removal) show at once, and a membership change
 * (approval, ban, role) refetches everything about that group.
 */
export function LiveCacheSync() {
  const qc = useQueryClient();

  useLiveEvent('reply.created', ({ threadId, reply }) => {
    if (addReplyToCache(qc, threadId, reply)) {
      qc.setQueryData<Thread>(keys.thread(threadId), (t) => (t ? { ...t, replyCount: t.replyCount + 1 } : t));
    }
  });

  useLiveEvent('thread.updated', ({ thread }) => {
    // Broadcast copies are not personal: keep the caller's own vote.
    const merge = (old: Thread) => ({ ...old, ...thread, vote: old.vote });
    qc.setQueryData<Thread>(keys.thread(thread.id), (old) => (old ? merge(old) : old));
    patchListItems<Thread>(qc, ['group', thread.groupId], thread.id, merge);
    patchListItems<Thread>(qc, ['feed'], thread.id, merge);
  });

  useLiveEvent('membership.changed', ({ groupId }) => {
    void invalidateGroup(qc, groupId);
    void qc.invalidateQueries({ queryKey: ['feed'] });
    void qc.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'thread' && (q.state.data as Thread | undefined)?.groupId === groupId,
    });
    void qc.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'thread' && q.queryKey.length > 2 && qc.getQueryData<Thread>(['thread', q.queryKey[1]])?.groupId === groupId,
    });
  });

  return null;
}
