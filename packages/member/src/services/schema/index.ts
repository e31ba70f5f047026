// The member's Compact schema registry and its Client-service requests.
export { MemberSchemaService, toCodecSchema, type SchemaId } from './member-schema-service';
