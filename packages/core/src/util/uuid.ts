import Long from 'long';

/** A 128-bit UUID as Hazelcast sends it: two signed 64-bit halves. */
export class UUID {
  /** The canonical text, made once: UUIDs key maps on the hot path (connections by member). */
  #text: string | undefined;

  constructor(
    readonly mostSignificant: Long,
    readonly leastSignificant: Long,
  ) {}

  /** Parses the canonical 8-4-4-4-12 hex form. */
  static fromString(text: string): UUID {
    const hex = text.replace(/-/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) {
      throw new TypeError(`Not a UUID: "${text}"`);
    }
    return new UUID(Long.fromString(hex.slice(0, 16), true, 16).toSigned(), Long.fromString(hex.slice(16), true, 16).toSigned());
  }

  /** A random (version 4) UUID. */
  static random(): UUID {
    return UUID.fromString(globalThis.crypto.randomUUID());
  }

  equals(other: UUID | null | undefined): boolean {
    return other != null && this.mostSignificant.equals(other.mostSignificant) && this.leastSignificant.equals(other.leastSignificant);
  }

  toString(): string {
    return (this.#text ??= this.format());
  }

  private format(): string {
    const hex = this.mostSignificant.toUnsigned().toString(16).padStart(16, '0') + this.leastSignificant.toUnsigned().toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
