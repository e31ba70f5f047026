import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * A path inside the project's shared folder (protocol definitions and vectors, serialization
 * vectors), which sits beside the repository; HZ_SHARED_DIR overrides where it is.
 */
export function sharedPath(...parts: string[]): string {
  const base = process.env.HZ_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');
  const path = resolve(base, ...parts);
  if (!existsSync(path)) throw new Error(`Shared file not found: ${path} (set HZ_SHARED_DIR to the shared folder)`);
  return path;
}
