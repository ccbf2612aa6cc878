/** Runs `iredadmin adopt` in-process and captures what it prints. */
import { runAdopt } from '../../src/adopt/command';

export interface AdoptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function adopt(args: readonly string[], env: Record<string, string>): Promise<AdoptRun> {
  let stdout = '';
  let stderr = '';
  const code = await runAdopt(['adopt', ...args], { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
