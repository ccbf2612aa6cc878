/**
 * The CDKTF app `cdktf synth` runs for figure (e): BENCH_RESOURCES resources of five kinds
 * (domains, users, aliases, throttles, spam policies — a fifth each), through the generated
 * constructs; BENCH_RESOURCES=0 gives the provider alone (the baseline: cdktf's fixed cost).
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Alias, Domain, IredadminProvider, Spampolicy, Throttle, User } from '../constructs';

const total = Number(process.env.BENCH_RESOURCES ?? 500);
const app = new App();
const stack = new TerraformStack(app, 'bench');
new LocalBackend(stack, { path: 'terraform.bench.tfstate' });
new IredadminProvider(stack, 'iredadmin', {});
for (let i = 0; i < total / 5; i++) {
  const domain = new Domain(stack, `domain${i}`, { domain: `d${i}.bench.example`, name: `Bench ${i}`, quota: 10240 });
  new User(stack, `user${i}`, { email: `jane@${domain.domain}`, passwordWo: 'Bench-Passw0rd!', passwordWoVersion: 1 });
  new Alias(stack, `alias${i}`, { email: `sales@${domain.domain}`, members: [`jane@${domain.domain}`] });
  new Throttle(stack, `throttle${i}`, { target: domain.domain, direction: 'outbound', period: 3600, maxMsgs: 100 });
  new Spampolicy(stack, `spam${i}`, { target: domain.domain, spamScore: 5 });
}
app.synth();
