// A real redis-server for the broker tests: Debian's, on a free loopback port, with its files in a
// temporary folder that goes when it stops. Restartable on the same port and folder (AOF survives).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running redis-server. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops it (SIGTERM: Redis writes its AOF out before it exits) and starts it again on the same port and folder. */
  restart(downMs?: number): Promise<void>;
  /** Stops it until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** Where redis-server is, or undefined when this machine has none. */
export function findRedisServer(): string | undefined {
  const onPath = (process.env['PATH'] ?? '').split(path.delimiter).map((dir) => path.join(dir, 'redis-server'));
  return [...onPath, ...CANDIDATES].find((file) => existsSync(file));
}

/** The one line a broker test file prints instead of running, when there is no redis-server. */
export const SKIPPED = 'test/broker: skipped: no redis-server found (Debian: apt-get install -y redis-server; .ci/run installs it)';

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts redis-server on a free port, or on `port`; AOF on (a SIGTERM writes it out whole before exiting). */
export async function startRedis(binary: string, port?: number): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-redis-'));
  const chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const args = ['--port', String(chosen), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'];
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      started.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output.slice(-2000)}`)));
    });
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    start,
    stop,
    async restart(downMs = 0) {
      await stop();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
