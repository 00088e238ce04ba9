import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { PageOf } from './queries';
import type { Answer, Reply } from './types';

/**
 * The cached answers of a thread (one list per sort order), each with its comments. New,
 * edited and removed replies, whether from this tab or from a live event, go through here.
 */
type Answers = InfiniteData<PageOf<Answer>>;
const listsOf = (threadId: string) => ({ queryKey: ['thread', threadId, 'replies'] });

export function replyInCache(qc: QueryClient, threadId: string, replyId: string): boolean {
  return qc
    .getQueriesData<Answers>(listsOf(threadId))
    .some(([, data]) =>
      data?.pages.some((p) =>
        p.items.some((a) => a.id === replyId || a.comments.some((c) => c.id === replyId)),
      ),
    );
}

/** Adds a reply where it belongs (an answer at the end, a comment under its answer); false if already there. */
export function addReplyToCache(qc: QueryClient, threadId: string, reply: Reply): boolean {
  if (replyInCache(qc, threadId, reply.id)) return false;
  qc.setQueriesData<Answers>(listsOf(threadId), (data) => {
    if (!data) return data;
    if (reply.parentReplyId) {
      return mapAnswers(data, (a) =>
        a.id === reply.parentReplyId ? { ...a, comments: [...a.comments, reply] } : a,
      );
    }
    const pages = [...data.pages];
    const last = pages[pages.length - 1];
    // Appended only when the whole list is loaded; otherwise "load more" brings it in its place.
    if (last && last.nextCursor === null)
      pages[pages.length - 1] = {
        ...last,
        items: [...last.items, { ...reply, comments: [], moreComments: false } as Answer],
      };
    return { ...data, pages };
  });
  return true;
}

/** Applies `update` to the reply with `replyId` (answer or comment); returning null takes it out. */
export function patchReplyInCache(
  qc: QueryClient,
  threadId: string,
  replyId: string,
  update: (r: Reply) => Reply | null,
): void {
  qc.setQueriesData<Answers>(listsOf(threadId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.flatMap((a) => {
              if (a.id === replyId) {
                const next = update(a);
                return next
                  ? [
                      {
                        ...a,
                        ...next,
                        comments: a.comments,
                        moreComments: a.moreComments,
                      } as Answer,
                    ]
                  : [];
              }
              if (!a.comments.some((c) => c.id === replyId)) return [a];
              return [
                {
                  ...a,
                  comments: a.comments.flatMap((c) => (c.id === replyId ? (update(c) ?? []) : [c])),
                } as Answer,
              ];
            }),
          })),
        }
      : data,
  );
}

/** Replaces an answer's first comments with all of them (after "show all comments"). */
export function setCommentsInCache(
  qc: QueryClient,
  threadId: string,
  answerId: string,
  comments: Reply[],
): void {
  qc.setQueriesData<Answers>(listsOf(threadId), (data) =>
    data
      ? mapAnswers(data, (a) =>
          a.id === answerId ? ({ ...a, comments, moreComments: false } as Answer) : a,
        )
      : data,
  );
}

function mapAnswers(data: Answers, f: (a: Answer) => Answer): Answers {
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(f) })) };
}
