// A runner process: holds one target (our client, the official client or the raw socket) and
// runs what the orchestrator asks over IPC. One process per target keeps the clients' heaps,
// JIT state and CPU accounting apart.
import { runClosedLoop } from './closed-loop';
import type { ConnectReply, Envelope, RunnerRequest, RunReply } from './messages';
import type { Target } from '../targets/target';

let target: Target | null = null;

function current(): Target {
  if (target === null) throw new Error('connect first');
  return target;
}

async function handle(request: RunnerRequest): Promise<ConnectReply | RunReply | null> {
  switch (request.kind) {
    case 'connect': {
      const { cluster, keyCount } = request;
      if (request.target === 'ours') target = await (await import('../targets/ours')).connectOurs(cluster, keyCount);
      else if (request.target === 'official') target = await (await import('../targets/official')).connectOfficial(cluster, keyCount);
      else target = await (await import('../targets/raw')).connectRaw(request.rawAddress);
      return { via: target.via, partitionCount: target.partitionCount };
    }
    case 'populate':
      await current().populate(request.valueSize);
      return null;
    case 'run': {
      const operation = await current().operation(request.scenario, request.shape);
      // Each run starts from a collected heap, so that it does not pay for the previous one.
      (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage();
      const result = await runClosedLoop(operation, request.scenario.concurrency, request.limit);
      const used = process.cpuUsage(cpu);
      return { ...result, cpuMs: (used.user + used.system) / 1000 };
    }
    case 'close':
      await target?.close();
      target = null;
      return null;
  }
}

process.on('message', (message: { seq: number; request: RunnerRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ seq: message.seq, ok: true, reply } satisfies Envelope<unknown>),
    (error: unknown) =>
      process.send?.({ seq: message.seq, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Envelope<unknown>),
  );
});
process.on('disconnect', () => process.exit(0));
