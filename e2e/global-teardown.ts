// Stops the demo server that global-setup.ts started and removes its
// temporary directory (kept when WAYMARK_E2E_KEEP=1, to look at the server's
// log and database). Fails the run if the server died during the tests.

import { rmSync } from 'node:fs';
import { SERVER_STATE_KEY, type ServerState } from './global-setup';

const STOP_TIMEOUT_MS = 10_000;

function waitForExit(state: ServerState, ms: number): Promise<boolean> {
  if (state.exited !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    state.child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<symbol, unknown>)[SERVER_STATE_KEY] as ServerState | undefined;
  if (state === undefined) {
    // Not the process that ran the setup: fall back to what it left in the environment.
    const pid = Number(process.env.WAYMARK_SERVER_PID);
    if (pid > 0 && pidAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (pidAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    return;
  }

  const diedEarly = state.exited !== null && !state.stopping;
  if (state.exited === null) {
    state.stopping = true;
    state.child.kill('SIGTERM');
    if (!(await waitForExit(state, STOP_TIMEOUT_MS))) {
      console.error(`waymark demo server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
      state.child.kill('SIGKILL');
      await waitForExit(state, STOP_TIMEOUT_MS);
    }
  }

  if (diedEarly) {
    throw new Error(
      `The waymark demo server exited during the tests (code ${state.exited?.code}, signal ${state.exited?.signal}). ` +
        `Its log is kept in ${state.logFile}; its last lines:\n${state.output.join('\n')}`,
    );
  }
  if (process.env.WAYMARK_E2E_KEEP) {
    console.log(`WAYMARK_E2E_KEEP is set: keeping ${state.runDir} (server log: ${state.logFile})`);
  } else {
    rmSync(state.runDir, { recursive: true, force: true });
  }
}
