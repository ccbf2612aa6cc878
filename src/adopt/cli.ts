#!/usr/bin/env node
/** The `iredadmin` command (`npx iredadmin adopt …`); see command.ts and `iredadmin --help`. */
import { runAdopt } from './command';

runAdopt(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
