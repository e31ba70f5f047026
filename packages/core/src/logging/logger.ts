import pino, { type Logger } from 'pino';

/**
 * The client's logger: the user's pino instance when given (a child named after the client),
 * else a pino logger at the configured level. Log lines never carry credentials or tokens.
 */
export function createLogger(custom: Logger | null, level: string, clientName: string): Logger {
  if (custom) return custom.child({ client: clientName });
  return pino({ name: 'hazelcast-client', level, base: { client: clientName } });
}
