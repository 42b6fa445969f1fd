// The demo server's clock, which the browser tests can move forward: the
// server runs as `waymark demo --clock-control` (global-setup.ts), and
// `POST /demo/clock {"days": N}` moves it N days on. Waymark judges statutory
// dates, sessions and sign-in codes by that clock, so after a move:
//   - every session has ended (sign in again);
//   - TOTP codes must be for the server's time: totp.ts adds the offset kept
//     here, in a file in the run's folder shared by every worker and project.
// Only the specs of the `decisions` projects move it, after the others ran.

import type { APIRequestContext } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function offsetFile(): string {
  const dir = process.env.WAYMARK_E2E_RUN_DIR;
  if (!dir) throw new Error('WAYMARK_E2E_RUN_DIR is not set: run the tests through playwright.config.ts');
  return path.join(dir, 'clock.json');
}

/** How far the server's clock is ahead of the real one, in seconds (0 until a spec moves it). */
export function serverClockOffsetSeconds(): number {
  const file = offsetFile();
  if (!existsSync(file)) return 0;
  return (JSON.parse(readFileSync(file, 'utf8')) as { offsetSeconds: number }).offsetSeconds;
}

/** Today on the server (UTC), as a Date at midnight UTC. */
export function serverToday(): Date {
  const now = new Date(Date.now() + serverClockOffsetSeconds() * 1000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Moves the server's clock `days` days forward; returns the server's new today (YYYY-MM-DD). */
export async function advanceServerClock(request: APIRequestContext, days: number): Promise<string> {
  const response = await request.post('/demo/clock', { data: { days } });
  if (response.status() !== 200) {
    throw new Error(`POST /demo/clock answered ${response.status()}: is the demo running with --clock-control?`);
  }
  const body = (await response.json()) as { today: string; offset_seconds: number };
  writeFileSync(offsetFile(), JSON.stringify({ offsetSeconds: body.offset_seconds }) + '\n', { mode: 0o600 });
  return body.today;
}

/** A date as the staff pages write it: "1 July 2023". */
export function longDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** `d` plus `days` calendar days. */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}
