import { compactRecord } from './compact/compact-generic-record';
import { portableRecord } from './portable/portable-generic-record';

/**
 * Builds GenericRecords to write without classes (the official client's `GenericRecords`, plus
 * `portable`). `compactRecord` and `portableRecord` are the same functions, one format each.
 */
export const GenericRecords = {
  /** A Compact GenericRecord: type name, field kinds (`Fields`), values. */
  compact: compactRecord,
  /** A Portable GenericRecord: class definition, values. */
  portable: portableRecord,
} as const;
