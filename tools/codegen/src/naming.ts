/** "addEntryListener" -> "AddEntryListener" */
export const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "CPSubsystem" -> "CP_SUBSYSTEM", "addEntryListener" -> "ADD_ENTRY_LISTENER" */
export const upperSnake = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();

/** "TransactionalMap" -> "transactional-map" */
export const kebab = (s: string): string => upperSnake(s).toLowerCase().replace(/_/g, '-');

const RESERVED = new Set(['function', 'delete', 'new', 'class', 'default', 'in', 'var', 'let', 'interface', 'package', 'private', 'public', 'static', 'yield']);

/** A parameter name usable as a TypeScript identifier. */
export const ident = (s: string): string => (RESERVED.has(s) ? `${s}_` : s);
