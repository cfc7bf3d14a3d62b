import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import getPort from 'get-port';

const run = promisify(execFile);
export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;
const sample = fileURLToPath(new URL('../../../docs/deploy/nginx-rasd.conf', import.meta.url));

export interface RunningNginx {
  httpsUrl: string;
  httpUrl: string;
  /** The self-signed certificate nginx serves, for clients to trust. */
  ca: string;
  stop(): Promise<void>;
}

/**
 * Runs Debian's nginx with the documented site file (docs/deploy/nginx-rasd.conf), changing only
 * what differs on a test machine: the instances' ports, the listening ports and the certificate.
 */
export async function startNginx(instancePorts: [number, number]): Promise<RunningNginx> {
  if (!nginxBinary) throw new Error('nginx is not installed');
  const dir = await mkdtemp(path.join(tmpdir(), 'rasd-nginx-'));
  await mkdir(path.join(dir, 'temp'));
  const [httpPort, httpsPort] = [await getPort({ host: '127.0.0.1' }), await getPort({ host: '127.0.0.1' })];
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', path.join(dir, 'rasd.key'), '-out', path.join(dir, 'rasd.crt'),
  ]);
  const site = (await readFile(sample, 'utf8'))
    .replaceAll('127.0.0.1:3001', `127.0.0.1:${instancePorts[0]}`)
    .replaceAll('127.0.0.1:3002', `127.0.0.1:${instancePorts[1]}`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace('/etc/ssl/rasd/rasd.crt', path.join(dir, 'rasd.crt'))
    .replace('/etc/ssl/rasd/rasd.key', path.join(dir, 'rasd.key'));
  await writeFile(path.join(dir, 'rasd.conf'), site);
  // The distribution's main nginx.conf, reduced to what a throw-away instance needs.
  const temp = path.join(dir, 'temp');
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  include ${dir}/rasd.conf;
}
`,
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
  await run(nginxBinary, ['-t', ...args]);
  const child: ChildProcess = spawn(nginxBinary, args, { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(httpsPort, '127.0.0.1', () => resolve(socket.destroy() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    httpsUrl: `https://localhost:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    ca: await readFile(path.join(dir, 'rasd.crt'), 'utf8'),
    async stop() {
      child.kill('SIGQUIT'); // nginx's graceful stop
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
