/**
 * The baseline of bench:fanout and bench:resume: a bare socket.io server on node:http with no
 * authentication, no database and one room. `POST /emit { event, payload }` broadcasts the
 * payload to every connected socket (and keeps it, with an increasing eventId); a socket that
 * connects with `auth.lastEventId` is first sent every kept event after it, in order.
 *
 *   node scripts/ts-run.js bench/lib/bare-io-server.ts <port>
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const kept: { event: string; payload: Record<string, unknown> }[] = [];

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const { event, payload } = JSON.parse(body) as {
      event: string;
      payload: Record<string, unknown>;
    };
    const eventId = kept.length + 1;
    const p = { ...payload, eventId };
    kept.push({ event, payload: p });
    io.to('members').emit(event, p);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ eventId }));
  });
});
http.keepAliveTimeout = 60_000;

// The same transport settings as Kring's gateway (src/realtime/io-adapter.ts).
const io = new Server(http, {
  path: '/socket.io',
  serveClient: false,
  maxHttpBufferSize: 16 * 1024,
  pingInterval: 25_000,
  pingTimeout: 20_000,
});
io.on('connection', (socket) => {
  const after = Number((socket.handshake.auth as { lastEventId?: number }).lastEventId);
  if (Number.isFinite(after)) for (const e of kept.slice(after)) socket.emit(e.event, e.payload);
  void socket.join('members');
});

http.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () => {
  void io.close();
  http.close(() => process.exit(0));
});
