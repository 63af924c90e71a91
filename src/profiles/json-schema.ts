/** The subset of JSON Schema that profiles/schema.ts generates and check.ts and set-flag.ts walk (its own file, so the field tables can use it without importing the schema). */

/** The subset of JSON Schema mesh generates and walks. */
export interface Schema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  $id?: string;
  $schema?: string;
}
