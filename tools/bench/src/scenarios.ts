// The benchmark matrix: map operations x value sizes x concurrency, and the data they use.

export const MAP_OPS = ['get', 'put', 'set', 'getAll'] as const;
export type MapOp = (typeof MAP_OPS)[number];

export interface Scenario {
  /** Stable id for JSON and filters, e.g. "get-100-c16". */
  id: string;
  op: MapOp;
  /** Value size in bytes. */
  valueSize: number;
  /** Operations in flight at any time (closed loop). */
  concurrency: number;
  /** Keys per getAll. */
  getAllKeys: number;
}

export function scenarioMatrix(ops: readonly MapOp[], sizes: readonly number[], concurrencies: readonly number[], getAllKeys: number): Scenario[] {
  const out: Scenario[] = [];
  for (const op of ops) {
    for (const valueSize of sizes) {
      for (const concurrency of concurrencies) {
        out.push({ id: `${op}-${valueSize}-c${concurrency}`, op, valueSize, concurrency, getAllKeys });
      }
    }
  }
  return out;
}

/** "100 B", "10 KiB", "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/** "get 100 B x16", "getAll(100) 10 KiB x1". */
export function scenarioLabel(s: Scenario): string {
  const op = s.op === 'getAll' ? `getAll(${s.getAllKeys})` : s.op;
  return `${op} ${formatBytes(s.valueSize)} x${s.concurrency}`;
}

/** The map a value size uses: every scenario of that size shares its entries. */
export function mapName(valueSize: number): string {
  return `bench-${valueSize}`;
}

/** Fixed-width keys, so that every request of a scenario has the same size. */
export function benchKeys(count: number): string[] {
  const width = String(count - 1).length;
  return Array.from({ length: count }, (_, i) => `key-${String(i).padStart(width, '0')}`);
}

/** A value of the given size; Buffers are byte arrays on the wire for both clients. */
export function benchValue(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}
