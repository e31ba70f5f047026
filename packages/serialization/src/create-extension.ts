import type { SerializationConfig } from '@hz/core';
import { compactFormat } from './compact/compact-format';
import { createSerializationExtensionOf, type SerializationExtension } from './config';
import { customFormat } from './custom/custom-format';
import { identifiedFormat } from './identified/identified-format';
import { portableFormat } from './portable/portable-format';

/**
 * The extension of every format of this package (Compact, IdentifiedDataSerializable,
 * Portable, custom and global serializers) built from the user's `serialization` config, to
 * hand to the core's serialization service. Throws an InvalidConfigurationError naming the
 * option that is wrong. To leave formats out of a bundle, use
 * {@link createSerializationExtensionOf} with the formats needed.
 */
export function createSerializationExtension(config?: SerializationConfig | null): SerializationExtension {
  return createSerializationExtensionOf(config, [compactFormat, identifiedFormat, portableFormat, customFormat]);
}
