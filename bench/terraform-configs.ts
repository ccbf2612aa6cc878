/**
 * The configurations the terraform figures apply: N mixed iredadmin resources, and N
 * terraform_data in the same shape (five groups of N/5, groups 2–5 each depending on an
 * element of group 1), so both sides ask terraform for the same graph.
 */
import { RESOURCES } from '../src/provider/resources';

/** One group per resource type; each element of a group depends on domain `i` (group 1). */
const GROUPS: Record<string, (k: number) => string> = {
  iredadmin_user: (k) => `resource "iredadmin_user" "g" {
  count    = ${k}
  email    = "jane@\${iredadmin_domain.g[count.index].domain}"
  password = "Bench-Passw0rd!"
  name     = "Jane \${count.index}"
}`,
  iredadmin_alias: (k) => `resource "iredadmin_alias" "g" {
  count   = ${k}
  email   = "sales@\${iredadmin_domain.g[count.index].domain}"
  members = ["jane@\${iredadmin_domain.g[count.index].domain}"]
}`,
  iredadmin_throttle: (k) => `resource "iredadmin_throttle" "g" {
  count     = ${k}
  target    = iredadmin_domain.g[count.index].domain
  direction = "outbound"
  period    = 3600
  max_msgs  = 100
}`,
  iredadmin_spampolicy: (k) => `resource "iredadmin_spampolicy" "g" {
  count      = ${k}
  target     = iredadmin_domain.g[count.index].domain
  spam_score = 5
}`,
};

export interface Mix {
  hcl: string;
  types: string[];
}

/** N resources: N/5 domains plus N/5 of each other type the provider has (more domains otherwise). */
export function iredadminConfig(n: number): Mix {
  const have = new Set(RESOURCES.map((r) => r.typeName));
  const others = Object.keys(GROUPS).filter((t) => have.has(t));
  const k = Math.floor(n / 5);
  const domains = n - k * others.length;
  if (domains < k) throw new Error(`${n} is too small to mix`);
  const blocks = [
    `terraform {\n  required_providers {\n    iredadmin = { source = "iredadmin/iredadmin" }\n  }\n}`,
    `resource "iredadmin_domain" "g" {\n  count  = ${domains}\n  domain = "d\${count.index}.bench.example"\n  name   = "Bench \${count.index}"\n  quota  = 10240\n}`,
    ...others.map((t) => GROUPS[t]!(k)),
  ];
  return { hcl: `${blocks.join('\n\n')}\n`, types: ['iredadmin_domain', ...others] };
}

/** The baseline: the same graph of built-in terraform_data. */
export function terraformDataConfig(n: number, groups: number): string {
  const k = Math.floor(n / 5);
  const first = n - k * (groups - 1);
  const blocks = [
    `resource "terraform_data" "g0" {\n  count = ${first}\n  input = "d\${count.index}.bench.example"\n}`,
  ];
  for (let g = 1; g < groups; g++) {
    blocks.push(
      `resource "terraform_data" "g${g}" {\n  count = ${k}\n  input = "x@\${terraform_data.g0[count.index].output}"\n}`,
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
