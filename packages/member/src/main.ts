// Runs the CLI from the sources: `npx tsx packages/member/src/main.ts --members 3`.
import { runCli } from './cli/run';

runCli(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`hz-member: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
