// Invokes the handler once, locally: against the cluster in HZ_CLUSTER_MEMBERS, or against an
// in-process development member (@hz/member) when none is given.
import { findCluster } from '../support/cluster';
import { close, handler } from './handler';

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(1);
  // The handler reads its cluster from the environment, as it would on the platform.
  process.env.HZ_CLUSTER_MEMBERS = members.join(',');
  process.env.HZ_CLUSTER_NAME = clusterName;
  try {
    const event = { key: 'greeting', value: 'hello from the handler' };
    say(`invoking the handler with ${JSON.stringify(event)}`);
    const started = Date.now();
    const result = await handler(event);
    say(`handler returned: ${String(result)} (${Date.now() - started} ms, connect included)`);
  } finally {
    await close();
    await dev?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
