// Jest global setup: with HZ_TESTCONTAINERS=1 (and no HZ_CLUSTER_MEMBERS), starts a real
// Hazelcast member in Docker through testcontainers and points the integration suite at it.
// Without a Docker engine it says so and the suite runs against the development member.
import { execFileSync } from 'node:child_process';

const IMAGE = process.env.HZ_TESTCONTAINERS_IMAGE ?? 'hazelcast/hazelcast:5.5.0';

function dockerEngineAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'pipe', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup(): Promise<void> {
  if (!process.env.HZ_TESTCONTAINERS || process.env.HZ_CLUSTER_MEMBERS) return;
  if (!dockerEngineAvailable()) {
    process.stdout.write('\nHZ_TESTCONTAINERS is set but no Docker engine answers: running against the development member instead\n');
    return;
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(IMAGE)
    .withExposedPorts(5701)
    .withEnvironment({ HZ_CLUSTERNAME: 'dev' })
    .withWaitStrategy(Wait.forLogMessage(/is STARTED/))
    .start();
  process.env.HZ_CLUSTER_MEMBERS = `${container.getHost()}:${container.getMappedPort(5701)}`;
  process.env.HZ_CLUSTER_NAME = 'dev';
  (globalThis as { __hzContainer?: { stop(): Promise<unknown> } }).__hzContainer = container;
  process.stdout.write(`\nrunning the integration suite against ${IMAGE} at ${process.env.HZ_CLUSTER_MEMBERS}\n`);
}
