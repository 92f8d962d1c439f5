import fc from 'fast-check';

/** A JSON schema as the OpenAPI document of the server spells it (the subset zod emits). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

/** Text that broke or could break a server: NUL, lone surrogates, markup, SQL, odd sizes. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u001b[2J',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '{{7*7}}',
    '../../etc/passwd',
    '',
    ' ',
    '🚒🔥',
    'x'.repeat(5000),
    '0000-01-01T00:00:00Z',
    '0000-01-01',
    '-1',
    'NaN',
    'null',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const instants = fc.constantFrom(
  '2026-11-16T10:00:00Z',
  '2026-11-16T10:00:00+05:30',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00.000Z',
);
const dates = fc.constantFrom('2026-11-16', '0000-01-01', '0001-01-01', '9999-12-31');

/**
 * Values for a schema that are mostly well-formed (so requests get past validation and reach the
 * use cases and the database) with hostile text, extreme numbers and odd instants mixed in.
 */
export function arbitraryFor(
  schema: JsonSchema,
  context: { ids: fc.Arbitrary<string>; resolve: (ref: string) => JsonSchema },
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    return arbitraryFor(context.resolve(schema.$ref), context, depth);
  }
  if (depth > 6) {
    return fc.constant(null);
  }
  if (schema.const !== undefined) {
    return fc.constant(schema.const);
  }
  if (schema.enum) {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: hostileText },
    );
  }
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants && variants.length > 0) {
    return fc.oneof(...variants.map((v) => arbitraryFor(v, context, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      switch (schema.format) {
        case 'date-time':
          return fc.oneof(
            { weight: 4, arbitrary: instants },
            { weight: 1, arbitrary: hostileText },
          );
        case 'date':
          return fc.oneof({ weight: 4, arbitrary: dates }, { weight: 1, arbitrary: hostileText });
        case 'uuid':
          return fc.oneof(
            { weight: 4, arbitrary: context.ids },
            { weight: 1, arbitrary: hostileText },
          );
        case 'email':
          return fc.oneof(fc.constantFrom('a@example.com', 'A\u0000@example.com'), hostileText);
        default:
          return fc.oneof(
            { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
            { weight: 1, arbitrary: hostileText },
          );
      }
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1000) }),
        fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? arbitraryFor(schema.items, context, depth + 1) : hostileText, {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [
          key,
          arbitraryFor(value, context, depth + 1),
        ]),
      );
      return fc.record(model, {
        requiredKeys: (schema.required ?? []).filter((k) => k in properties),
      });
    }
    default:
      return fc.oneof(hostileText, fc.integer(), fc.constant(null));
  }
}
