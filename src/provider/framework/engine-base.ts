/** What the resource and the data-source engines share: the definition's attributes, their object type, their checks. */
import { AttributePath, errorDiagnostic, type Diagnostic, type ObjectType, type RawDynamicValue } from '../protocol';
import type { AnyAttribute, Attributes } from './attributes';
import type { DescribeError } from './errors';
import { decodeRow, objectType, type Row } from './rows';
import type { PlanValue } from './values';

export abstract class EngineBase<Definition extends { readonly attributes: unknown }> {
  readonly type: ObjectType;
  protected readonly attributes: Attributes<never>;

  constructor(
    readonly definition: Definition,
    protected readonly describeError: DescribeError,
  ) {
    this.attributes = definition.attributes as Attributes<never>;
    this.type = objectType(this.attributes, true);
  }

  protected decode(raw: RawDynamicValue | undefined): Row | null {
    return decodeRow(raw, this.attributes, this.type);
  }

  /** The attribute's `validators` on a known value, as error diagnostics on it. */
  protected invalid(name: string, spec: AnyAttribute<never>, value: PlanValue): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const check of spec.validators ?? []) {
      const message = (check as (v: PlanValue) => string | undefined)(value);
      if (message) diagnostics.push(errorDiagnostic(`Invalid value for "${name}"`, message, AttributePath.root(name)));
    }
    return diagnostics;
  }
}
