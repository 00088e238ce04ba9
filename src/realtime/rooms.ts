/** Socket.IO room names. Clients never name rooms: the server joins sockets to these. */
export const userRoom = (userId: string): string => `u:${userId}`;
/** Sockets of the group's active members. */
export const groupRoom = (groupId: string): string => `g:${groupId}`;
/** Sockets that called thread.watch for the thread. */
export const threadRoom = (threadId: string): string => `t:${threadId}`;
/**
 * Sockets still receiving missed events in order. Live deliveries skip them; the catch-up
 * sends everything up to the tailer's position and then takes the socket out of this room.
 */
export const CATCHING_UP = 'catching-up';
