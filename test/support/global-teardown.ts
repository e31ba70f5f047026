// Stops the Docker member that global-setup.ts started, if any.
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __hzContainer?: { stop(): Promise<unknown> } }).__hzContainer?.stop();
}
