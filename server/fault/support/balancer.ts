import { connect, createServer, type Server, type Socket } from 'node:net';

type Mode = 'open' | 'blackhole' | 'refusing';

/**
 * A TCP load balancer in front of the instances, as nginx or a cloud balancer would be: each new
 * connection goes to the next instance in turn, or to the following one if that refuses. It can
 * also misbehave like a network: `blackhole()` stops every byte both ways without closing anything
 * (a cable pulled, a laptop lid shut), `refuse()` resets every connection and refuses new ones.
 */
export class Balancer {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private server: Server | null = null;
  private turn = 0;
  private mode: Mode = 'open';
  port = 0;

  constructor(private readonly upstreamPorts: () => number[]) {}

  async listen(): Promise<string> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: Socket) {
    if (this.mode === 'refusing') return void client.destroy();
    client.pause();
    const ports = this.upstreamPorts();
    const first = this.turn++;
    const tryPort = (attempt: number) => {
      if (attempt >= ports.length) return void client.destroy();
      const upstream = connect(ports[(first + attempt) % ports.length]!, '127.0.0.1');
      upstream.once('error', () => tryPort(attempt + 1));
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        this.join(client, upstream);
      });
    };
    tryPort(0);
  }

  private join(client: Socket, upstream: Socket) {
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (this.mode === 'blackhole') this.hold(pair);
    else client.resume();
  }

  private hold({ client, upstream }: { client: Socket; upstream: Socket }) {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  }

  /** No byte passes either way; connections stay open, as on a dead link. */
  blackhole() {
    this.mode = 'blackhole';
    for (const pair of this.pairs) this.hold(pair);
  }

  /** Resets every connection and refuses new ones (the instance or the route is gone). */
  refuse() {
    this.mode = 'refusing';
    for (const { client, upstream } of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Back to normal; held bytes flow again. */
  open() {
    const wasHeld = this.mode === 'blackhole';
    this.mode = 'open';
    if (!wasHeld) return;
    for (const { client, upstream } of this.pairs) {
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.resume();
    }
  }

  async close() {
    this.refuse();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
