import { useQueryClient } from '@tanstack/react-query';
import { invalidateGroup, keys, patchListItems } from '../api/queries';
import { addReplyToCache, patchReplyInCache } from '../api/replies-cache';
import type { Thread } from '../api/types';
import { useLiveEvent } from './live';

/**
 * Keeps the query cache in step with live events: new replies join the open thread,
 * thread changes (lock, pin, accept, edit, removal) show at once, and a membership change
 * (approval, ban, role) refetches everything about that group.
 */
export function LiveCacheSync() {
  const qc = useQueryClient();

  useLiveEvent('reply.created', ({ threadId, reply }) => {
    if (addReplyToCache(qc, threadId, reply)) {
      qc.setQueryData<Thread>(keys.thread(threadId), (t) =>
        t ? { ...t, replyCount: t.replyCount + 1 } : t,
      );
    }
  });

  useLiveEvent('reply.updated', ({ threadId, reply }) => {
    patchReplyInCache(qc, threadId, reply.id, (old) => ({ ...reply, vote: old.vote }));
  });

  useLiveEvent('thread.updated', ({ thread }) => {
    // Broadcast copies are not personal: keep the caller's own vote.
    const merge = (old: Thread) => ({ ...old, ...thread, vote: old.vote });
    qc.setQueryData<Thread>(keys.thread(thread.id), (old) => (old ? merge(old) : old));
    patchListItems<Thread>(qc, ['group', thread.groupId], thread.id, merge);
    patchListItems<Thread>(qc, ['feed'], thread.id, merge);
  });

  useLiveEvent('notification', () => {
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  });

  // The server replays what this user missed (lastEventId), but replies to threads they only
  // looked at, without following them, are not among those: refetch the open threads. With
  // no lastEventId to resume from nothing is replayed, so everything on screen is refetched.
  useLiveEvent('client.reconnected', ({ watchedThreadIds, resumed }) => {
    if (!resumed) void qc.invalidateQueries();
    else
      for (const id of watchedThreadIds) void qc.invalidateQueries({ queryKey: keys.thread(id) });
  });

  useLiveEvent('membership.changed', ({ groupId }) => {
    void invalidateGroup(qc, groupId);
    void qc.invalidateQueries({ queryKey: ['feed'] });
    void qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'thread' && (q.state.data as Thread | undefined)?.groupId === groupId,
    });
    void qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'thread' &&
        q.queryKey.length > 2 &&
        qc.getQueryData<Thread>(['thread', q.queryKey[1]])?.groupId === groupId,
    });
  });

  return null;
}
