/** Size of a frame header: int32 length (header included) + uint16 flags. */
export const FRAME_HEADER_SIZE = 6;

export const BEGIN_FRAGMENT_FLAG = 1 << 15;
export const END_FRAGMENT_FLAG = 1 << 14;
export const IS_FINAL_FLAG = 1 << 13;
export const BEGIN_DATA_STRUCTURE_FLAG = 1 << 12;
export const END_DATA_STRUCTURE_FLAG = 1 << 11;
export const IS_NULL_FLAG = 1 << 10;
export const IS_EVENT_FLAG = 1 << 9;
export const BACKUP_AWARE_FLAG = 1 << 8;
export const BACKUP_EVENT_FLAG = 1 << 7;
/** An unfragmented message carries both fragment flags on its first frame. */
export const UNFRAGMENTED_MESSAGE = BEGIN_FRAGMENT_FLAG | END_FRAGMENT_FLAG;

// Offsets inside the content of a message's initial frame.
export const TYPE_FIELD_OFFSET = 0;
export const CORRELATION_ID_FIELD_OFFSET = 4;
export const PARTITION_ID_FIELD_OFFSET = 12;
export const RESPONSE_BACKUP_ACKS_FIELD_OFFSET = 12;
/** Fixed parameters of a request or event start here (type, correlation id, partition id). */
export const REQUEST_HEADER_SIZE = 16;
export const EVENT_HEADER_SIZE = 16;
/** Fixed parameters of a response start here (type, correlation id, backup acks). */
export const RESPONSE_HEADER_SIZE = 13;
/** Inside a fragment's first frame: the fragmentation id. */
export const FRAGMENTATION_ID_OFFSET = 0;

// Encoded sizes of the fixed-size types.
export const BYTE_SIZE = 1;
export const BOOLEAN_SIZE = 1;
export const INT_SIZE = 4;
export const FLOAT_SIZE = 4;
export const LONG_SIZE = 8;
/** UUID: a null flag byte, then the most and least significant 64-bit halves. */
export const UUID_SIZE = 17;

/** The three bytes a client sends first on a new connection. */
export const PROTOCOL_PREAMBLE = 'CP2';
