/** Largest Socket.IO frame a client may send; every client message Kring accepts is tiny. */
export const SOCKET_MAX_FRAME_BYTES = 16 * 1024;
/** Threads one socket may watch at once. */
export const MAX_WATCHED_THREADS = 200;
/** Sockets one user may hold on one instance (tabs, devices); more are refused. */
export const MAX_SOCKETS_PER_USER = 50;

const BURST = 30;
const PER_SECOND = 10;
/** Refused or junk messages a socket may send before it is disconnected. */
const STRIKES_BEFORE_DISCONNECT = 50;

/**
 * Per-socket flood control: a token bucket (30 messages at once, 10 a second after that).
 * A message over the limit is answered with an error; a socket that keeps sending refused
 * or junk messages collects strikes and is disconnected.
 */
export class SocketBudget {
  private tokens = BURST;
  private last = Date.now();
  private strikes = 0;

  /** Takes one message's worth; false when the socket is over its rate. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(BURST, this.tokens + ((now - this.last) / 1000) * PER_SECOND);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Records a refused or junk message; true when the socket has had enough chances. */
  strike(weight = 1): boolean {
    this.strikes += weight;
    return this.strikes >= STRIKES_BEFORE_DISCONNECT;
  }
}
