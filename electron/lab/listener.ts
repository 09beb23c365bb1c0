import net from 'node:net';

/**
 * The listening socket. Node accepts eagerly; with `pauseOnConnect` each new
 * socket waits here, unread, until the loop's `accept()` takes it, so the
 * listening socket is readable exactly while a connection is waiting.
 */
export class Listener {
  readonly server: net.Server;
  private pending: net.Socket[] = [];

  /** `admit` may refuse a new connection (out of descriptors): it is reset at once, never queued. */
  constructor(
    onChange: () => void,
    onAcceptError: (error: NodeJS.ErrnoException) => void,
    admit: () => boolean = () => true,
  ) {
    this.server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
    this.server.on('connection', (socket) => {
      if (!admit()) return void socket.resetAndDestroy();
      // A peer may reset before accept(); the error surfaces once the loop reads it.
      socket.on('error', () => {});
      this.pending.push(socket);
      onChange();
    });
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (this.server.listening) onAcceptError(error);
    });
  }

  get readable(): boolean {
    return this.pending.length > 0;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  accept(): net.Socket | undefined {
    return this.pending.shift();
  }

  listen(host: string, port: number): Promise<NodeJS.ErrnoException | null> {
    return new Promise((resolve) => {
      const onError = (error: NodeJS.ErrnoException): void => resolve(error);
      this.server.once('error', onError);
      this.server.listen({ host, port, exclusive: true }, () => {
        this.server.off('error', onError);
        resolve(null);
      });
    });
  }

  /** "host:port" as actually bound. */
  address(): { host: string; port: number } {
    const address = this.server.address();
    if (address === null || typeof address === 'string') return { host: '', port: 0 };
    return { host: address.address, port: address.port };
  }

  close(): Promise<void> {
    for (const socket of this.pending.splice(0)) socket.destroy();
    return new Promise((resolve) => {
      if (!this.server.listening) resolve();
      else this.server.close(() => resolve());
    });
  }
}
