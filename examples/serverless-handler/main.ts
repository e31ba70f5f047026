// Invokes the handler once, locally: against the cluster in HZ_CLUSTER_MEMBERS, or against an
// in-process development member (@hz/member) when none is given.
import { startCluster, type Cluster } from '@hz/member';
import { close, handler } from './handler';

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  let dev: Cluster | null = null;
  if (!process.env.HZ_CLUSTER_MEMBERS) {
    dev = await startCluster({ members: 1, port: 0, logLevel: 'warn' });
    // The handler reads its cluster from the environment, as it would on the platform.
    process.env.HZ_CLUSTER_MEMBERS = dev.addresses().join(',');
    process.env.HZ_CLUSTER_NAME = dev.name;
    say(`started an in-process development cluster "${dev.name}" with members at ${process.env.HZ_CLUSTER_MEMBERS}`);
  } else {
    say(`using the cluster "${process.env.HZ_CLUSTER_NAME ?? 'dev'}" at ${process.env.HZ_CLUSTER_MEMBERS}`);
  }
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
