/**
 * npm run bench [-- --only handshake,terraform,plan,plan-pg,http,users,cdktf] [--quick]
 * Every figure against a baseline measured in this run; a table on stdout, rows in
 * bench/results.json (a partial run replaces only its own rows).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchHandshake } from './handshake';
import { benchHttpLoad } from './http-load';
import { benchBulkUsers } from './bulk-users';
import { benchNoChangePlan, benchTerraform } from './terraform';
import { benchCdktf } from './cdktf';
import { PGLITE, ROOT, withPostgres } from './processes';
import { formatTable, type Row } from './stats';

const RESULTS = join(ROOT, 'bench', 'results.json');

/** Row order in results.json: the order of the issue. */
const FIGURE_ORDER = ['provider start', 'terraform', 'server GET', 'client creates', 'cdktf'];

type Figure = (quick: boolean) => Promise<Row[]>;
const FIGURES: Record<string, Figure> = {
  handshake: (quick) => benchHandshake(quick ? 5 : 20),
  terraform: (quick) =>
    benchTerraform(
      quick
        ? { sizes: [50], reps: () => 1, planAt: 50 }
        : { sizes: [50, 200, 1000], reps: (n) => (n >= 1000 ? 1 : 3), planAt: 200 },
    ),
  // The no-change plan alone (also part of `terraform`), on each server backend.
  plan: (quick) => benchNoChangePlan(200, quick ? 2 : 7, PGLITE),
  'plan-pg': (quick) => withPostgres((db) => benchNoChangePlan(200, quick ? 2 : 7, db)),
  http: async (quick) => [
    ...(await benchHttpLoad(quick ? 1 : 3, quick ? 2 : 5, PGLITE)),
    ...(await withPostgres((db) => benchHttpLoad(quick ? 1 : 3, quick ? 2 : 5, db))),
  ],
  users: async (quick) => [
    ...(await benchBulkUsers(quick ? 1 : 3, 1000, PGLITE)),
    ...(await withPostgres((db) => benchBulkUsers(quick ? 1 : 3, 1000, db))),
  ],
  cdktf: (quick) => benchCdktf(quick ? 1 : 3),
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  // `plan` is a quick re-run of the plan row that `terraform` measures too.
  const names = values.only ? values.only.split(',') : Object.keys(FIGURES).filter((n) => n !== 'plan');
  const unknown = names.filter((n) => !FIGURES[n]);
  if (unknown.length)
    throw new Error(`unknown figure(s) ${unknown.join(', ')}; known: ${Object.keys(FIGURES).join(', ')}`);
  const rows: Row[] = [];
  for (const name of names) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = Date.now();
    rows.push(...(await FIGURES[name]!(values.quick)));
    process.stderr.write(`bench: ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const previous: Row[] = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Row[]) : [];
  // A row measured twice in one run (`terraform` and `plan` both time the plan): the later one stands.
  const latest = [...new Map(rows.map((r) => [r.name, r])).values()];
  const merged = [...previous.filter((p) => !latest.some((r) => r.name === p.name)), ...latest];
  const order = (r: Row) => FIGURE_ORDER.findIndex((prefix) => r.name.startsWith(prefix));
  if (!values.quick)
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        merged.sort((a, b) => order(a) - order(b)),
        null,
        2,
      )}\n`,
    );
  process.stdout.write(`${formatTable(values.quick ? latest : merged)}\n`);
  const missed = merged.filter((r) => r.met === false);
  if (missed.length) process.stdout.write(`missed: ${missed.map((r) => r.name).join('; ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
