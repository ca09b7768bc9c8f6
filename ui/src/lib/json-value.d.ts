// bindings.gen.ts names serde_json's `Value` as `JsonValue` (AuditEntry.changes) without declaring
// it: ts-rs leaves that declaration to the generator. Declared here, globally, until the
// generator emits it; delete this file then.
type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };
