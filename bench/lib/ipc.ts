import type { ChildProcess } from 'node:child_process';
import { forkTs, stopChild } from './children';

/** A tiny request/response protocol over a forked child's IPC channel. */
interface Request {
  rpc: number;
  method: string;
  params: unknown;
}
interface Response {
  rpc: number;
  result?: unknown;
  error?: string;
}

type Handler = (params: never) => unknown;

/** Child side: answers calls with `handlers`, and exits when the parent goes away. */
export function serveRpc(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('serveRpc: this module must be started with an IPC channel (fork)');
  const send = (msg: Response) => process.send?.(msg);
  process.on('message', (raw: unknown) => {
    const msg = raw as Request;
    if (typeof msg !== 'object' || msg === null || typeof msg.rpc !== 'number') return;
    const handler = handlers[msg.method];
    if (!handler) {
      send({ rpc: msg.rpc, error: `unknown method ${msg.method}` });
      return;
    }
    Promise.resolve()
      .then(() => (handler as (p: unknown) => unknown)(msg.params))
      .then(
        (result) => send({ rpc: msg.rpc, result: result ?? null }),
        (error: unknown) => send({ rpc: msg.rpc, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => process.exit(0));
}

/** Parent side: a forked worker whose methods return promises. */
export class Worker {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly child: ChildProcess;

  constructor(modulePath: string, readonly name: string) {
    this.child = forkTs(modulePath);
    this.child.on('message', (raw: unknown) => {
      const msg = raw as Response;
      const p = this.pending.get(msg.rpc);
      if (!p) return;
      this.pending.delete(msg.rpc);
      if (msg.error !== undefined) p.reject(new Error(`${this.name}: ${msg.error}`));
      else p.resolve(msg.result);
    });
    this.child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`${this.name} exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<T>(method: string, params: unknown = null, timeoutMs = 120_000): Promise<T> {
    if (this.child.exitCode !== null || !this.child.connected) return Promise.reject(new Error(`${this.name} is not running`));
    const rpc = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.name}.${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rpc, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ rpc, method, params } satisfies Request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await stopChild(this.child, 5_000);
  }
}
