#!/usr/bin/env node
// The hz-member command (package.json "bin" points at its build, dist/cli.cjs).
import { runCli } from './run';

export { parseCliArgs, runCli, type CliOptions } from './run';

// Runs only when executed as a program, never when imported.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`hz-member: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
