// RFC 6238 time-based one-time codes (HMAC-SHA1, 6 digits, 30-second steps)
// with node:crypto — what an authenticator app computes from the key the
// demo prints (`totp:BASE32`) or the enrolment page shows.
//
// Waymark accepts a code only for a time step later than the last one it
// accepted for the account (replay protection), so two sign-ins of the same
// account within one step would fail. `freshCode` remembers, per account, the
// last step it made a code for — in a file in the run's folder, shared by every
// worker and both projects — and waits for the next step when needed.

import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serverClockOffsetSeconds } from './clock';

export const STEP_SECONDS = 30;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32 (spaces, padding and case ignored) to bytes. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const index = BASE32.indexOf(c);
    if (index < 0) throw new Error(`not a Base32 key: ${JSON.stringify(text)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code for time step `step` (seconds since the epoch / 30). */
export function totpAt(keyBase32: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(keyBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary =
    ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

interface Known {
  /** A key learned at enrolment (the demo's are in the logins file). */
  key?: string;
  /** The last step a code was made for. */
  lastStep?: number;
}

function stateFile(): string {
  const dir = process.env.WAYMARK_E2E_RUN_DIR;
  if (!dir) throw new Error('WAYMARK_E2E_RUN_DIR is not set: run the tests through playwright.config.ts');
  return path.join(dir, 'totp.json');
}

function readState(): Record<string, Known> {
  const file = stateFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Known>) : {};
}

function update(email: string, change: Known): void {
  const state = readState();
  state[email] = { ...state[email], ...change };
  writeFileSync(stateFile(), JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** A key learned by enrolling in a test (it replaces the demo's, if any). */
export function learnedKey(email: string): string | undefined {
  return readState()[email]?.key;
}

/** Remembers a key an account enrolled with, and the step its first code was for. */
export function rememberEnrolment(email: string, key: string, step: number): void {
  update(email, { key, lastStep: step });
}

/** Forgets a learned key (after a reset, the account enrols again). */
export function forgetKey(email: string): void {
  update(email, { key: undefined });
}

/**
 * A code for `email` that Waymark has not seen yet: this step's, or — when
 * this step's was already used — the next step's. Waymark accepts the step
 * after the current one (one step of clock skew, like any authenticator), so
 * the next step's code is used at once; only when that one was used too does
 * this wait for time to move on. Returns the code and the step it is for.
 */
export async function freshCode(email: string, key: string): Promise<{ code: string; step: number }> {
  const last = readState()[email]?.lastStep ?? -1;
  // The server's clock may be ahead of ours (clock.ts): codes are for its time.
  const offsetMs = serverClockOffsetSeconds() * 1000;
  let step = Math.floor((Date.now() + offsetMs) / 1000 / STEP_SECONDS);
  if (step <= last) {
    step = last + 1;
    // Waymark takes a code while its current step is `step - 1` or later.
    const usableFromMs = (step - 1) * STEP_SECONDS * 1000 + 250;
    const wait = usableFromMs - (Date.now() + offsetMs);
    if (wait > 0) {
      // Said in the run's output: time spent here is the browser tests' one idle cost.
      console.log(`totp: ${email} waits ${(wait / 1000).toFixed(1)} s for a code it has not used`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  update(email, { lastStep: step });
  return { code: totpAt(key, step), step };
}
