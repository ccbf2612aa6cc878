/** Row shape of bench/results.json and the statistics every figure shares. */

export interface Sample {
  /** Median of the repetitions. */
  median: number;
  min: number;
  max: number;
  /** Repetitions behind the median. */
  n: number;
}

export interface Row {
  name: string;
  /** Median of our side. */
  value: number | null;
  unit: string;
  /** Median of the baseline measured in the same run (null: an absolute target). */
  baseline: number | null;
  /** value / baseline (for throughput: value as a share of the baseline). */
  ratio: number | null;
  /** Human-readable target, e.g. "ratio ≤ 2.0". */
  target: string;
  met: boolean | null;
  /** Spread: [min, max] of our side and of the baseline, and repetitions. */
  spread: { value: [number, number] | null; baseline: [number, number] | null; n: number };
  note?: string;
}

export function summarize(values: readonly number[]): Sample {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export interface Comparison {
  name: string;
  unit: string;
  ours: Sample;
  baseline: Sample | null;
  /** `lower`: ratio = ours/baseline must be ≤ limit; `higher`: ours/baseline must be ≥ limit; `absolute`: ours ≤ limit. */
  goal: { kind: 'lower' | 'higher' | 'absolute'; limit: number } | null;
  note?: string;
}

export function toRow(c: Comparison): Row {
  const ratio = c.baseline ? round(c.ours.median / c.baseline.median) : null;
  let target = 'report only';
  let met: boolean | null = null;
  if (c.goal?.kind === 'lower') {
    target = `ratio ≤ ${c.goal.limit}`;
    met = ratio !== null && ratio <= c.goal.limit;
  } else if (c.goal?.kind === 'higher') {
    target = `ratio ≥ ${c.goal.limit}`;
    met = ratio !== null && ratio >= c.goal.limit;
  } else if (c.goal?.kind === 'absolute') {
    target = `≤ ${c.goal.limit} ${c.unit}`;
    met = c.ours.median <= c.goal.limit;
  }
  return {
    name: c.name,
    value: round(c.ours.median),
    unit: c.unit,
    baseline: c.baseline ? round(c.baseline.median) : null,
    ratio,
    target,
    met,
    spread: {
      value: [round(c.ours.min), round(c.ours.max)],
      baseline: c.baseline ? [round(c.baseline.min), round(c.baseline.max)] : null,
      n: c.ours.n,
    },
    ...(c.note ? { note: c.note } : {}),
  };
}

/** A figure that could not be measured in this run, with the reason. */
export function notMeasured(name: string, unit: string, target: string, reason: string): Row {
  return {
    name,
    value: null,
    unit,
    baseline: null,
    ratio: null,
    target,
    met: null,
    spread: { value: null, baseline: null, n: 0 },
    note: `not measured: ${reason}`,
  };
}

export function formatTable(rows: readonly Row[]): string {
  const head = ['figure', 'ours', 'baseline', 'ratio', 'target', 'met', 'spread (min–max)'];
  const fmt = (x: number | null) => (x === null ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
  const body = rows.map((r) => [
    r.name,
    r.value === null ? '—' : `${fmt(r.value)} ${r.unit}`,
    r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit}`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
    r.spread.value
      ? `${fmt(r.spread.value[0])}–${fmt(r.spread.value[1])}${r.spread.baseline ? ` vs ${fmt(r.spread.baseline[0])}–${fmt(r.spread.baseline[1])}` : ''} (n=${r.spread.n})`
      : (r.note ?? ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
