import { InvalidConfigurationError, resolveConfig, type ClientConfig } from '@hz/core';

describe('resolveConfig defaults', () => {
  const c = resolveConfig();

  it('applies the documented defaults', () => {
    expect(c.clusterName).toBe('dev');
    expect(c.instanceName).toBeNull();
    expect(c.network.clusterMembers).toEqual([]);
    expect(c.network.smartRouting).toBe(true);
    expect(c.network.redoOperation).toBe(false);
    expect(c.network.connectionTimeout).toBe(5000);
    expect(c.connectionStrategy).toEqual({
      asyncStart: false,
      reconnectMode: 'ON',
      retry: { initialBackoffMillis: 1000, maxBackoffMillis: 30000, clusterConnectTimeoutMillis: -1, multiplier: 1.05, jitter: 0 },
    });
    expect(c.heartbeatIntervalMillis).toBe(5000);
    expect(c.heartbeatTimeoutMillis).toBe(60000);
    expect(c.invocationTimeoutMillis).toBe(120000);
    expect(c.loadBalancer.type).toBe('ROUND_ROBIN');
    expect(c.statistics).toEqual({ enabled: false, periodSeconds: 3 });
    expect(c.backupAckToClientEnabled).toBe(true);
  });
});

describe('resolveConfig reads the official client shape', () => {
  it('takes every section', () => {
    const c = resolveConfig({
      clusterName: 'prod',
      instanceName: 'orders',
      clientLabels: ['a', 'b'],
      network: { clusterMembers: ['10.0.0.1:5701', 'db'], smartRouting: false, redoOperation: true, connectionTimeout: 0 },
      connectionStrategy: { asyncStart: true, reconnectMode: 'ASYNC', connectionRetry: { initialBackoffMillis: 10, maxBackoffMillis: 20, multiplier: 2, jitter: 0.5, clusterConnectTimeoutMillis: 500 } },
      loadBalancer: { type: 'RANDOM' },
      security: { usernamePassword: { username: 'u', password: 'p' } },
      properties: { 'hazelcast.client.heartbeat.interval': '1000', 'hazelcast.client.statistics.enabled': true, 'hazelcast.logging.level': 'WARN' },
    });
    expect(c.clusterName).toBe('prod');
    expect(c.instanceName).toBe('orders');
    expect(c.clientLabels).toEqual(['a', 'b']);
    expect(c.network.clusterMembers).toEqual(['10.0.0.1:5701', 'db']);
    expect(c.network.smartRouting).toBe(false);
    expect(c.connectionStrategy.reconnectMode).toBe('ASYNC');
    expect(c.connectionStrategy.retry.jitter).toBe(0.5);
    expect(c.loadBalancer.type).toBe('RANDOM');
    expect(c.security.usernamePassword).toEqual({ username: 'u', password: 'p' });
    expect(c.heartbeatIntervalMillis).toBe(1000);
    expect(c.statistics.enabled).toBe(true);
    expect(c.logging.level).toBe('warn');
  });
});

describe('resolveConfig rejects bad config, naming the option and what it accepts', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['an unknown top-level key', { clustername: 'x' }, /config key "clustername" must be one of clusterName, instanceName/],
    ['an empty cluster name', { clusterName: '' }, /clusterName must be a non-empty string/],
    ['members that are not strings', { network: { clusterMembers: [5701] } }, /network\.clusterMembers must be an array of "host" or "host:port" strings/],
    ['a negative connection timeout', { network: { connectionTimeout: -1 } }, /network\.connectionTimeout must be a number from 0/],
    ['an unknown reconnect mode', { connectionStrategy: { reconnectMode: 'SOMETIMES' } }, /connectionStrategy\.reconnectMode must be one of ON, OFF, ASYNC/],
    ['a jitter above 1', { connectionStrategy: { connectionRetry: { jitter: 2 } } }, /jitter must be a number from 0 to 1/],
    ['a multiplier below 1', { connectionStrategy: { connectionRetry: { multiplier: 0.5 } } }, /multiplier must be a number from 1/],
    ['max backoff below initial', { connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 10 } } }, /maxBackoffMillis must be at least initialBackoffMillis/],
    ['an unknown load balancer', { loadBalancer: { type: 'LEAST_LOADED' } }, /loadBalancer\.type must be one of ROUND_ROBIN, RANDOM/],
    ['a token that is not a Buffer', { security: { token: { token: 'abc' } } }, /security\.token\.token must be a Buffer/],
    ['a bad property value', { properties: { 'hazelcast.client.heartbeat.timeout': 'soon' } }, /properties\['hazelcast\.client\.heartbeat\.timeout'\] must be a number/],
    ['an unknown log level', { properties: { 'hazelcast.logging.level': 'LOUD' } }, /hazelcast\.logging\.level'\] must be one of OFF, ERROR/],
    ['members and a cloud token together', { network: { clusterMembers: ['a'], hazelcastCloud: { discoveryToken: 't' } } }, /cannot be used together/],
    ['a custom logger that is not a logger', { customLogger: { info: () => undefined } }, /customLogger must be a pino logger or a logger with log\/error\/warn\/info\/debug\/trace methods, got "object"/],
    ['a lifecycle listener that is not a function', { lifecycleListeners: ['x'] }, /lifecycleListeners\[0\] must be a function/],
  ];

  it.each(cases)('%s', (_name, config, message) => {
    expect(() => resolveConfig(config as ClientConfig)).toThrow(InvalidConfigurationError);
    expect(() => resolveConfig(config as ClientConfig)).toThrow(message);
  });

  it('never puts a password into an error message', () => {
    try {
      resolveConfig({ security: { usernamePassword: { username: 'u', password: 'hunter2' }, token: { token: Buffer.from('x') } } } as ClientConfig);
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
