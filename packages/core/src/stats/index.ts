// Client statistics: the metrics blob format and the periodic Client.statistics sender.
export {
  MetricsCompressor,
  ProbeUnit,
  MetricValueType,
  METRICS_BLOB_VERSION,
  MAX_METRIC_WORD_LENGTH,
  type MetricDescriptor,
  type MetricLong,
} from './metrics-compressor';
export {
  ClientStatistics,
  buildClientAttributes,
  escapeAttribute,
  nearCacheAttributeKey,
  collectRuntimeMetrics,
  ATTRIBUTE_SEPARATOR,
  ATTRIBUTE_KEY_VALUE_SEPARATOR,
  ATTRIBUTE_ESCAPE_CHAR,
  DEFAULT_CLIENT_TYPE,
  DEFAULT_STATISTICS_PERIOD_SECONDS,
  type AttributeValue,
  type ClientStatisticsOptions,
  type MetricsProvider,
  type MetricsSink,
  type RuntimeMetric,
  type StatisticsConnectionInfo,
} from './statistics';
