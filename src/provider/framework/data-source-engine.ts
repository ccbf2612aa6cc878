/** A data source: validate its lookup attributes, then read the object into computed attributes. */
import { errorDiagnostic, isUnknown, type Diagnostic, type RawDynamicValue } from '../protocol';
import type { SomeDataSource } from './definitions';
import { EngineBase } from './engine-base';
import { diagnosticFor } from './errors';
import { canonicalRow, encodeRow, ID, type Row } from './rows';
import { normalized, sameValue, type PlanValue } from './values';

export class DataSourceEngine<Client> extends EngineBase<SomeDataSource<Client>> {
  validate(rawConfig: RawDynamicValue): Diagnostic[] {
    const config = this.decode(rawConfig);
    const diagnostics: Diagnostic[] = [];
    for (const [name, spec] of Object.entries(this.attributes)) {
      const value = config?.[name];
      if (value === null || value === undefined || isUnknown(value)) continue;
      diagnostics.push(...this.invalid(name, spec, value));
    }
    return diagnostics;
  }

  async read(
    client: Client,
    rawConfig: RawDynamicValue,
  ): Promise<{ state?: RawDynamicValue; diagnostics: Diagnostic[] }> {
    const config = this.decode(rawConfig) ?? {};
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
