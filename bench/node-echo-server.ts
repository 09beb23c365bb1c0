/** The yardstick: a plain Node `net` echo server, in its own process, as one would write it. */
import net from 'node:net';
import type { FromServer, ToServer } from './protocol';

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.pipe(socket);
});
server.listen({ host: '127.0.0.1', port: 0 }, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', port } satisfies FromServer);
});
process.on('message', (message: ToServer) => {
  if (message.type === 'stop') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
