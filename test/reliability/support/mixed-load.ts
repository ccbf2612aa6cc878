/**
 * A bounded mixed create/read/update/delete load: `workers` clients, each owning a few
 * addresses whose state it models exactly, plus a few addresses every worker fights over.
 * Stops by itself after `seconds`; every request has its own timeout.
 */
import type { Envelope } from '../../support/api';

export interface LoadReport {
  requests: number;
  serverErrors: string[];
  /** Answers that contradict the worker's model of its own addresses. */
  surprises: string[];
  /** Addresses that must exist afterwards (owned ones only). */
  expected: Set<string>;
  /** Addresses that must not exist afterwards. */
  absent: Set<string>;
}

export interface LoadOptions {
  baseUrl: string;
  cookie: string;
  domain: string;
  workers: number;
  seconds: number;
  perWorker: number;
  shared: number;
}

/** A small seeded generator: the same run every time for a given seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export async function runMixedLoad(o: LoadOptions): Promise<LoadReport> {
  const report: LoadReport = { requests: 0, serverErrors: [], surprises: [], expected: new Set(), absent: new Set() };
  const deadline = Date.now() + o.seconds * 1000;
  const call = async (method: string, path: string, params?: Record<string, string>): Promise<Envelope | null> => {
    report.requests++;
    const body = params ? new URLSearchParams(params).toString() : undefined;
    const res = await fetch(o.baseUrl + path, {
      method,
      body,
      signal: AbortSignal.timeout(10_000),
      headers: { cookie: o.cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    const text = await res.text();
    if (res.status >= 500) {
      report.serverErrors.push(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
      return null;
    }
    return JSON.parse(text) as Envelope;
  };
  const shared = Array.from({ length: o.shared }, (_, i) => `shared${i}@${o.domain}`);

  await Promise.all(
    Array.from({ length: o.workers }, async (_, w) => {
      const next = random(w + 1);
      const mine = Array.from({ length: o.perWorker }, (_, j) => `w${w}-${j}@${o.domain}`);
      const exists = new Map(mine.map((m) => [m, false]));
      const expect = (ok: boolean, what: string) => {
        if (!ok) report.surprises.push(what);
      };
      while (Date.now() < deadline) {
        const pickShared = next() < 0.2;
        const email = pickShared
          ? shared[Math.floor(next() * shared.length)]!
          : mine[Math.floor(next() * mine.length)]!;
        const known = pickShared ? undefined : exists.get(email);
        const op = Math.floor(next() * 4);
        if (op === 0) {
          const r = await call('POST', `/api/user/${email}`, { password: 'Load-Passw0rd!', name: `w${w}` });
          if (r && known !== undefined) {
            expect(
              r._success === !known && (r._success || r._msg === 'ALREADY_EXISTS'),
              `create ${email}: ${JSON.stringify(r)}`,
            );
            exists.set(email, true);
          }
        } else if (op === 1) {
          const r = await call('GET', `/api/user/${email}`);
          if (r && known !== undefined)
            expect(r._success === known, `get ${email}: ${r._msg ?? 'ok'} while modelled ${known}`);
        } else if (op === 2) {
          const r = await call('PUT', `/api/user/${email}`, { name: `renamed by w${w}` });
          if (r && known !== undefined)
            expect(r._success === known, `update ${email}: ${r._msg ?? 'ok'} while modelled ${known}`);
        } else {
          const r = await call('DELETE', `/api/user/${email}`);
          if (r && known !== undefined) {
            expect(r._success, `delete ${email}: ${r._msg}`);
            exists.set(email, false);
          }
        }
      }
      for (const [email, present] of exists) (present ? report.expected : report.absent).add(email);
    }),
  );
  return report;
}
