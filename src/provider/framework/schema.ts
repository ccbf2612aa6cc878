/** Protocol schemas from attribute definitions: the one place the two vocabularies meet. */
import type { Schema, SchemaAttribute } from '../protocol';
import { ctyTypeOf, isComputed, type Attributes } from './attributes';
import { ID } from './rows';

export function schemaFor(
  description: string,
  attributes: Attributes<never>,
  options: { id?: string; dataSource?: boolean; version?: number } = {},
): Schema {
  const out: Record<string, SchemaAttribute> = {};
  for (const [name, spec] of Object.entries(attributes)) {
    const computed = isComputed(spec);
    out[name] = {
      type: ctyTypeOf(spec.kind),
      description:
        spec.description + (spec.default !== undefined ? ` Defaults to \`${JSON.stringify(spec.default)}\`.` : ''),
      descriptionKind: 'markdown',
      ...(spec.required ? { required: true } : {}),
      ...(spec.optional || (!spec.required && !computed) ? { optional: true } : {}),
      ...(computed ? { computed: true } : {}),
      ...(spec.sensitive ? { sensitive: true } : {}),
      ...(spec.writeOnly ? { writeOnly: true } : {}),
    };
  }
  if (options.id !== undefined)
    out[ID] = { type: 'string', computed: true, description: options.id, descriptionKind: 'markdown' };
  return { version: options.version ?? 0, block: { attributes: out, description, descriptionKind: 'markdown' } };
}
