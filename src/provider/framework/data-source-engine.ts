/** A data source: validate its lookup attributes, then read the object into computed attributes. */
import {
  AttributePath,
  errorDiagnostic,
  isUnknown,
  type Diagnostic,
  type ObjectType,
  type RawDynamicValue,
} from '../protocol';
import type { Attributes } from './attributes';
import type { SomeDataSource } from './definitions';
import { diagnosticFor, type DescribeError } from './errors';
import { canonicalRow, decodeRow, encodeRow, ID, objectType, type Row } from './rows';
import { normalized, sameValue, type PlanValue } from './values';

export class DataSourceEngine<Client> {
  readonly type: ObjectType;
  private readonly attributes: Attributes<never>;

  constructor(
    readonly definition: SomeDataSource<Client>,
    private readonly describeError: DescribeError,
  ) {
    this.attributes = definition.attributes as Attributes<never>;
    this.type = objectType(this.attributes, true);
  }

  validate(rawConfig: RawDynamicValue): Diagnostic[] {
    const config = decodeRow(rawConfig, this.attributes, this.type);
    const diagnostics: Diagnostic[] = [];
    for (const [name, spec] of Object.entries(this.attributes)) {
      const value = config?.[name];
      if (value === null || value === undefined || isUnknown(value)) continue;
      for (const check of spec.validators ?? []) {
        const message = (check as (v: PlanValue) => string | undefined)(value);
        if (message)
          diagnostics.push(errorDiagnostic(`Invalid value for "${name}"`, message, AttributePath.root(name)));
      }
    }
    return diagnostics;
  }

  async read(
    client: Client,
    rawConfig: RawDynamicValue,
  ): Promise<{ state?: RawDynamicValue; diagnostics: Diagnostic[] }> {
    const config = decodeRow(rawConfig, this.attributes, this.type) ?? {};
    const name = this.definition.typeName;
    const lookup = canonicalRow(config, this.attributes);
    try {
      const data = await this.definition.read(client, lookup as never);
      if (data === null) {
        return {
          diagnostics: [
            errorDiagnostic(`${name}: not found`, `No object matches ${describe(lookup)}. Check the lookup values.`),
          ],
        };
      }
      const row: Row = {};
      for (const [attr, spec] of Object.entries(this.attributes)) {
        const value = spec.read ? (spec.read as (d: unknown) => PlanValue | undefined)(data) : undefined;
        const read = value === undefined ? (lookup[attr] ?? null) : normalized(spec, value);
        // A configured lookup value keeps its spelling when the server's is the same in canonical
        // form (`bücher.example` for `xn--bcher-kva.example`), as resources do: no spurious diff.
        const configured = config[attr] ?? null;
        row[attr] =
          configured !== null && !isUnknown(configured) && sameValue(read, lookup[attr] ?? null) ? configured : read;
      }
      row[ID] = this.definition.identity(canonicalRow(row, this.attributes) as never);
      return { state: encodeRow(row, this.type), diagnostics: [] };
    } catch (error) {
      return { diagnostics: [diagnosticFor(error, this.describeError, this.attributes, `${name}: read failed`)] };
    }
  }
}

function describe(lookup: Row): string {
  return Object.entries(lookup)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ');
}
