// Starts `$WAYMARK_BIN demo` once for the whole run: a fresh SQLite database
// with fictional demo data in a fresh temporary directory, on a free port of
// 127.0.0.1. The demo prints its address and one-time logins to stdout:
//
//     listening on http://127.0.0.1:PORT
//       login: EMAIL PASSWORD totp:BASE32KEY (ROLE at ORGANISATION)
//
// (`totp:` only on accounts with a second factor set up: the key staff.ts
// makes sign-in codes from.)
//
// We read them, write them to $WAYMARK_LOGINS_FILE (JSON, see RunInfo) and set
// WAYMARK_BASE_URL, so the workers (started after this) see both. The server
// keeps running until global-teardown.ts stops it.

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const START_TIMEOUT_MS = 30_000;

/** One login printed by `waymark demo`. */
export interface DemoAccount {
  email: string;
  password: string;
  /** The account's TOTP key (Base32), when the demo set up its second factor. */
  totp?: string;
  /** The text in brackets after the password, e.g. "coordinator at Example Trust". */
  note: string;
  role?: string;
  organisation?: string;
}

/** What $WAYMARK_LOGINS_FILE holds. */
export interface RunInfo {
  baseURL: string;
  /** email → password */
  logins: Record<string, string>;
  accounts: DemoAccount[];
  dataDir: string;
  serverLog: string;
}

/** Shared with global-teardown.ts, which runs in the same (runner) process. */
export interface ServerState {
  child: ChildProcess;
  runDir: string;
  logFile: string;
  stopping: boolean;
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  output: string[];
}

export const SERVER_STATE_KEY = Symbol.for('waymark.e2e.server');

const LISTENING = /^listening on (http:\/\/\S+)/;
const LOGIN = /^login:\s+(\S+)\s+(\S+)(?:\s+totp:(\S+))?(?:\s+\((.*)\))?\s*$/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not find a free port on 127.0.0.1'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

function parseAccount(email: string, password: string, totp: string | undefined, note: string | undefined): DemoAccount {
  const account: DemoAccount = { email, password, note: note ?? '' };
  if (totp) account.totp = totp;
  const at = account.note.indexOf(' at ');
  if (at > 0) {
    account.role = account.note.slice(0, at).trim();
    account.organisation = account.note.slice(at + 4).trim();
  }
  return account;
}

export default async function globalSetup(): Promise<void> {
  const bin = process.env.WAYMARK_BIN;
  if (!bin) {
    throw new Error(
      'WAYMARK_BIN is not set. Run the browser tests with `cargo xtask e2e` (it builds ' +
        'target/debug/waymark and sets it), or set WAYMARK_BIN to the absolute path of a waymark binary.',
    );
  }
  if (!existsSync(bin)) {
    throw new Error(`WAYMARK_BIN=${bin} does not exist; build it with \`cargo build -p waymark\`.`);
  }

  const runDir = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-'));
  const dataDir = path.join(runDir, 'data');
  mkdirSync(dataDir);
  const logFile = path.join(runDir, 'server.log');
  const loginsFile = path.join(runDir, 'logins.json');
  const port = await freePort();
  // --clock-control: the decisions specs move the server's clock to reach statutory dates (clock.ts).
  const args = ['demo', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir, '--clock-control'];
  const command = `${bin} ${args.join(' ')}`;

  const log = createWriteStream(logFile);
  const child = spawn(bin, args, { cwd: runDir, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const state: ServerState = { child, runDir, logFile, stopping: false, exited: null, output: [] };
  (globalThis as Record<symbol, unknown>)[SERVER_STATE_KEY] = state;
  // Whatever happens to this process, don't leave the server behind.
  process.on('exit', () => {
    if (state.exited === null) child.kill('SIGKILL');
  });

  let baseURL: string | null = null;
  const accounts: DemoAccount[] = [];
  const record = (stream: string, line: string) => {
    log.write(`${stream}: ${line}\n`);
    // Keep what the server said at start, and the last lines after it, for error messages.
    state.output.push(`${stream}: ${line}`);
    if (baseURL !== null && state.output.length > 200) state.output.splice(0, state.output.length - 200);
  };

  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`it printed no "listening on http://" line within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    const done = (error: Error | null, url?: string) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(url as string);
    };
    child.on('error', (error) => done(new Error(`it could not be started: ${error.message}`)));
    child.on('exit', (code, signal) => {
      state.exited = { code, signal };
      if (baseURL === null) {
        done(new Error(`it exited (code ${code}, signal ${signal}) before it printed "listening on http://"`));
      } else if (!state.stopping) {
        console.error(
          `\nwaymark demo server exited unexpectedly (code ${code}, signal ${signal}); its last output:\n` +
            state.output.join('\n') +
            '\n',
        );
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => record('stderr', line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      record('stdout', line);
      if (baseURL !== null) return;
      const trimmed = line.trim();
      const login = LOGIN.exec(trimmed);
      if (login) {
        accounts.push(parseAccount(login[1], login[2], login[3], login[4]));
        return;
      }
      const listening = LISTENING.exec(trimmed);
      if (listening) {
        baseURL = listening[1].replace(/\/+$/, '');
        done(null, baseURL);
      }
    });
  });

  let url: string;
  try {
    url = await started;
  } catch (error) {
    // Nothing for global-teardown.ts to stop; the log stays for a look.
    state.stopping = true;
    delete (globalThis as Record<symbol, unknown>)[SERVER_STATE_KEY];
    child.kill('SIGKILL');
    throw new Error(
      `The waymark demo server did not start: ${(error as Error).message}.\n` +
        `Command: ${command}\n` +
        `Its output (also in ${logFile}):\n${state.output.join('\n') || '(none)'}`,
    );
  }

  const logins: Record<string, string> = {};
  for (const account of accounts) logins[account.email] = account.password;
  const info: RunInfo = { baseURL: url, logins, accounts, dataDir, serverLog: logFile };
  writeFileSync(loginsFile, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });

  process.env.WAYMARK_BASE_URL = url;
  process.env.WAYMARK_LOGINS_FILE = loginsFile;
  process.env.WAYMARK_E2E_RUN_DIR = runDir;
  process.env.WAYMARK_SERVER_PID = String(child.pid);
  console.log(`waymark demo: ${url} (${accounts.length} demo logins; log ${logFile})`);
}
