// Member-side codecs: decode requests, encode responses and events.
export * from './generated';
