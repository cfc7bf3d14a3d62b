import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeskFigures } from './desk';

const entry = fileURLToPath(new URL('./desk-process.ts', import.meta.url));

/** The test's handle on a desk running in its own process (see desk-process.ts). */
export class RemoteDesk {
  private readonly child: ChildProcess;

  constructor(name: string, url: string, cookie: string, baselineSeq: number) {
    this.child = fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DESK_NAME: name, DESK_URL: url, DESK_COOKIE: cookie, DESK_BASELINE: String(baselineSeq) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  private ask<T>(type: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`desk process did not answer ${type}`)), timeoutMs);
      const onMessage = (message: { type: string; message?: string } & T) => {
        if (message.type !== type && message.type !== 'error') return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        if (message.type === 'error') reject(new Error(message.message));
        else resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send({ type });
    });
  }

  ready(): Promise<unknown> {
    return this.ask('ready');
  }

  report(): Promise<{ report: DeskFigures; ids: string[] }> {
    return this.ask('report');
  }

  async missing(expected: ReadonlySet<string>): Promise<number> {
    const ids = new Set((await this.report()).ids);
    return [...expected].filter((id) => !ids.has(id)).length;
  }

  /** Freezes the whole process: no timer, no read, no pong, as a suspended tab or laptop. */
  freeze() {
    this.child.kill('SIGSTOP');
  }

  thaw() {
    this.child.kill('SIGCONT');
  }

  close() {
    this.child.kill('SIGCONT');
    if (this.child.connected) this.child.send({ type: 'close' });
    setTimeout(() => this.child.kill('SIGKILL'), 2_000).unref();
  }
}
