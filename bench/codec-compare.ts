/**
 * The protocol layer's hot path at a base revision against the working tree, in one process:
 * cty msgpack decode and encode, the JSON state decoder and the protobuf codec, on resource values
 * shaped like ours. Old and new run interleaved (order alternating), several repetitions; the
 * figure is CPU time (process.cpuUsage), which the machine's load distorts less than wall clock.
 * Both sides must produce the same bytes, or the run fails.
 *
 *   npx esbuild bench/codec-compare.ts --bundle --platform=node --packages=external \
 *     --outfile=.tmp/codec-compare.js && node .tmp/codec-compare.js [--base main] [--n 100000] [--reps 7]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type * as Protocol from '../src/provider/protocol';
import { t } from '../src/provider/protocol/cty/types';
import { Unknown } from '../src/provider/protocol/cty/values';
import { projectRoot } from '../scripts/project-root';
import { medianAndRange, REVISION_OPTIONS, unpackRevision } from './revisions';
import { summarize } from './stats';
import type { ProtobufCodec } from '../src/provider/protocol/wire/protobuf';

const ROOT = projectRoot();
const WORK = join(ROOT, '.tmp', 'codec-compare');

interface Codec {
  readonly decodeMsgpack: typeof Protocol.decodeMsgpack;
  readonly encodeMsgpack: typeof Protocol.encodeMsgpack;
  readonly decodeJson: (json: Uint8Array | string, type: Protocol.CtyType) => Protocol.CtyValue;
  readonly protobufCodec: () => ProtobufCodec;
}

const ENTRY = `
export { decodeMsgpack, encodeMsgpack } from './src/provider/protocol/cty/msgpack';
export { decodeJson } from './src/provider/protocol/cty/json';
export { protobufCodec } from './src/provider/protocol/wire/descriptors';
`;

/** Bundles the protocol layer as it stands under `root` and loads it. */
async function load(root: string, label: string): Promise<Codec> {
  const outfile = join(WORK, `${label}.js`);
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  return require(outfile) as Codec;
}

function workload() {
  const forwardingType = t.object({ address: t.string, keep_copy: t.bool });
  const type = t.object({
    id: t.string,
    email: t.string,
    domain: t.string,
    name: t.string,
    password: t.string,
    password_hash: t.string,
    language: t.string,
    quota: t.number,
    used_quota: t.number,
    max_messages: t.number,
    employee_id: t.string,
    disabled: t.bool,
    is_global_admin: t.bool,
    enable_smtp: t.bool,
    enable_imap: t.bool,
    aliases: t.set(t.string),
    forwardings: t.list(forwardingType),
    bcc: t.map(t.string),
    member_of: t.list(t.string),
    score: t.number,
    timeouts: t.object({ create: t.string, read: t.string }),
  });
  const value = {
    id: 'postmaster.user-0042@example.com',
    email: 'postmaster.user-0042@example.com',
    domain: 'example.com',
    name: 'Jürgen Müller-Lüdenscheidt',
    password: null,
    password_hash: '{SSHA512}9sB0x4v2Lq3kU6yQ1kR+Vh0p5c9jHn8u2lX1qGz7fF3pA4dKd8vRkQ==',
    language: 'en_US',
    quota: 2048,
    used_quota: 1_073_741_824,
    max_messages: -1,
    employee_id: '',
    disabled: false,
    is_global_admin: false,
    enable_smtp: true,
    enable_imap: true,
    aliases: ['alias-1@example.com', 'alias-2@example.com', 'alias-3@example.com'],
    forwardings: Array.from({ length: 4 }, (_, i) => ({ address: `forward-${i}@example.org`, keep_copy: i === 0 })),
    bcc: { sender: 'archive@example.com', recipient: 'audit@example.com' },
    member_of: Array.from({ length: 20 }, (_, i) => `list-${i}@example.com`),
    score: 0.25,
    timeouts: null,
  };
  // A planned value: what PlanResourceChange carries back.
  const planned = { ...value, id: Unknown, used_quota: Unknown, member_of: Unknown };
  return { type, value, planned };
}

type Op = () => unknown;

function cpuMicros(op: Op, n: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) op();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function ops(codec: Codec, shape: ReturnType<typeof workload>): Record<string, Op> {
  const { type, value, planned } = shape;
  const stateBytes = codec.encodeMsgpack(value as Protocol.CtyValue, type);
  const plannedBytes = codec.encodeMsgpack(planned as Protocol.CtyValue, type);
  const json = Buffer.from(JSON.stringify(value));
  const pb = codec.protobufCodec();
  const request = pb.encode('tfplugin6.ReadResource.Request', {
    type_name: 'iredadmin_user',
    current_state: { msgpack: stateBytes },
    private: Buffer.from('{"v":1}'),
  });
  return {
    'msgpack decode state': () => codec.decodeMsgpack(stateBytes, type),
    'msgpack decode planned': () => codec.decodeMsgpack(plannedBytes, type),
    'msgpack encode state': () => codec.encodeMsgpack(value as Protocol.CtyValue, type),
    'msgpack encode planned': () => codec.encodeMsgpack(planned as Protocol.CtyValue, type),
    'json state decode': () => codec.decodeJson(json, type),
    'protobuf ReadResource round trip': () => {
      const decoded = pb.decode('tfplugin6.ReadResource.Request', request);
      return pb.encode('tfplugin6.ReadResource.Response', {
        new_state: decoded.current_state,
        private: decoded.private,
        diagnostics: [],
      });
    },
  };
}

/** Every op must give the same bytes (or the same decoded value) on both sides. */
function sameOutputs(a: Record<string, Op>, b: Record<string, Op>): void {
  for (const name of Object.keys(a)) {
    const [x, y] = [a[name](), b[name]()];
    const same = Buffer.isBuffer(x) ? Buffer.compare(x, y as Buffer) === 0 : JSON.stringify(x) === JSON.stringify(y);
    if (!same) throw new Error(`${name}: base and working tree differ`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...REVISION_OPTIONS,
      n: { type: 'string', default: '100000' },
    },
  });
  const n = Number(values.n);
  const reps = Number(values.reps);
  mkdirSync(WORK, { recursive: true });
  const base = await load(unpackRevision(values.base, join(WORK, 'base'), ['src/provider/protocol']), 'base');
  const head = await load(ROOT, 'head');
  const shape = workload();
  const sides = { base: ops(base, shape), head: ops(head, shape) };
  sameOutputs(sides.base, sides.head);
  const times: Record<string, Record<'base' | 'head', number[]>> = {};
  for (const name of Object.keys(sides.base)) times[name] = { base: [], head: [] };
  for (const side of ['base', 'head'] as const) for (const op of Object.values(sides[side])) cpuMicros(op, n / 10);
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const);
    for (const name of Object.keys(sides.base))
      for (const side of order) times[name][side].push(cpuMicros(sides[side][name], n) / n);
  }
  process.stdout.write(
    `${n} calls each, ${reps} repetitions, CPU µs per call (median; min–max), base ${values.base}\n`,
  );
  for (const [name, side] of Object.entries(times)) {
    const change = summarize(side.head).median / summarize(side.base).median - 1;
    process.stdout.write(
      `${name.padEnd(34)} base ${medianAndRange(side.base, 2)}  head ${medianAndRange(side.head, 2)}  ${(change * 100).toFixed(1)}%\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `codec-compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
