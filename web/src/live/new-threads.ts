import { useCallback, useState } from 'react';
import type { Thread } from '../api/types';
import { useSession } from '../auth/session';
import { useLiveEvent } from './live';

/**
 * Threads announced live (question.created / thread.created) since the list was loaded,
 * for the "new questions" banner: in one group, or (groupId null) in all of the caller's groups.
 * The caller's own posts are left out: they already see them.
 */
export function useNewThreads(groupId: string | null | undefined) {
  const { user } = useSession();
  const [fresh, setFresh] = useState<Thread[]>([]);
  const onThread = ({ groupId: g, thread }: { groupId: string; thread: Thread }) => {
    if (groupId === undefined || (groupId !== null && g !== groupId)) return;
    if (thread.author?.id === user?.id) return;
    setFresh((list) => (list.some((t) => t.id === thread.id) ? list : [thread, ...list]));
  };
  useLiveEvent('question.created', onThread);
  useLiveEvent('thread.created', onThread);
  const clear = useCallback(() => setFresh([]), []);
  return { fresh, clear };
}
