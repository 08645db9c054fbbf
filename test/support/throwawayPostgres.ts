/**
 * A throwaway PostgreSQL cluster for the tests, the benchmark and
 * `npm run archive:dev`: initdb into a temporary folder, the server on a
 * free port of 127.0.0.1 (run as the `postgres` user when we are root,
 * since the server refuses root), stopped and removed at the end — on
 * success, failure, Ctrl+C or an uncaught error alike.
 *
 * Logins are trusted, except for members of the role `needs_password`,
 * which must give their password (scram-sha-256), to test that path.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ThrowawayPostgres {
  readonly port: number;
  readonly dir: string;
  /** postgres://postgres@127.0.0.1:PORT/DATABASE (the superuser; no password needed). */
  url(database?: string, user?: string): string;
  /** Runs SQL as the superuser through psql; throws with psql's message on failure. */
  sql(statement: string, database?: string): string;
  /** Stops the server (fast) and removes its folder. Safe to call twice. */
  stop(): void;
  /** Stops the server without removing its data, to test an archive that went away. */
  pause(): void;
  /** Starts it again after pause(). */
  resume(): void;
  /**
   * CPU seconds the server's processes have used so far (the postmaster,
   * its live children and those that ended), from /proc; undefined where
   * there is no /proc. For the benchmark's honest figures on a busy machine.
   */
  cpuSeconds(): number | undefined;
}

export interface StartOptions {
  /** Extra server settings, e.g. { fsync: 'off' } for tests (never for measurements). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Keep the server across the process's end (archive:dev stops it itself). */
  readonly keepOnExit?: boolean;
}

/** Why a throwaway cluster cannot be started here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  return binDir() ? undefined : 'PostgreSQL is not installed (apt-get install -y postgresql)';
}

function binDir(): string | undefined {
  if (process.env.BRIEFING_PG_BIN && existsSync(path.join(process.env.BRIEFING_PG_BIN, 'initdb'))) return process.env.BRIEFING_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')));
  versions.sort((a, b) => Number(a) - Number(b));
  const last = versions[versions.length - 1];
  return last ? path.join(root, last, 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(command: string, args: readonly string[], options: { input?: string } = {}): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8', input: options.input, stdio: ['pipe', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error ?? '')).trim().split('\n').slice(-5).join(' | ')}`);
  }
  return result.stdout;
}

export async function startThrowawayPostgres(options: StartOptions = {}): Promise<ThrowawayPostgres> {
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailable());
  // As root the server runs as postgres, which must reach the folder: the system's /tmp, not a TMPDIR inside a private tree.
  const dir = mkdtempSync(path.join(asRoot ? '/tmp' : os.tmpdir(), 'briefing-pg-'));
  if (asRoot) chownSync(dir, Number(run('id', ['-u']).trim()), Number(run('id', ['-g']).trim()));
  const data = path.join(dir, 'data');
  const port = await freePort();
  let stopped = false;
  let paused = false;

  const settings = { listen_addresses: '127.0.0.1', ...options.settings };
  const serverOptions = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`)].join(' ');
  const start = (): void => void run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stopServer = (mode: 'fast' | 'immediate'): void => {
    spawnSync(asRoot ? 'runuser' : path.join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', data, '-m', mode, '-w', 'stop'] : ['-D', data, '-m', mode, '-w', 'stop'], { stdio: 'ignore' });
  };

  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const hba = path.join(data, 'pg_hba.conf');
    writeFileSync(hba, `host all +needs_password 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    if (!paused) stopServer('fast');
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (): void => stop();
  const onSignal = (signal: NodeJS.Signals): void => {
    stop();
    process.kill(process.pid, signal);
  };
  if (!options.keepOnExit) {
    process.on('exit', onExit);
    for (const signal of SIGNALS) process.once(signal, onSignal);
  }

  const cluster: ThrowawayPostgres = {
    port,
    dir,
    url: (database = 'postgres', user = 'postgres') => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    sql: (statement, database = 'postgres') =>
      run(path.join(bin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database], { input: statement }),
    stop,
    pause: () => {
      if (paused || stopped) return;
      stopServer('immediate');
      paused = true;
    },
    resume: () => {
      if (!paused || stopped) return;
      start();
      paused = false;
    },
    cpuSeconds: () => serverCpuSeconds(data),
  };
  cluster.sql('create role needs_password nologin;');
  return cluster;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** utime + stime of the postmaster's live children, and its own with its reaped children's (clock ticks of 1/100 s). */
function serverCpuSeconds(data: string): number | undefined {
  try {
    const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      // Fields after the command's closing parenthesis: state ppid … utime(12) stime(13) cutime(14) cstime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return undefined;
  }
}
