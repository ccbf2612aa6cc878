/**
 * The generic life cycle of a resource, driven by its definition: validate, plan, apply
 * (create / update / delete), read (drift), import and state upgrade.
 */
import {
  AttributePath,
  errorDiagnostic,
  isUnknown,
  Unknown,
  warningDiagnostic,
  type Diagnostic,
  type RawDynamicValue,
} from '../protocol';
import { isComputed, type AnyAttribute, type Attributes, type Values } from './attributes';
import type { ApiParams, SomeResource } from './definitions';
import { EngineBase } from './engine-base';
import { diagnosticFor } from './errors';
import { attributeEntries, canonicalRow, encodeRow, ID, upgradeJsonState, type Row } from './rows';
import { normalized, sameValue, type PlanValue } from './values';

export interface PlanResult {
  planned: RawDynamicValue;
  requiresReplace: AttributePath[];
  diagnostics: Diagnostic[];
}

export interface StateResult {
  state?: RawDynamicValue;
  diagnostics: Diagnostic[];
}

type Spec = AnyAttribute<never>;

export class ResourceEngine<Client> extends EngineBase<SomeResource<Client>> {
  private entries(): readonly (readonly [string, Spec])[] {
    return attributeEntries(this.attributes);
  }

  encode(row: Row | null): RawDynamicValue {
    return encodeRow(row, this.type);
  }

  /** Values for handlers: canonical, unknowns as null (see `canonicalRow`). */
  private values(row: Row): Values<Attributes<never>> {
    return canonicalRow(row, this.attributes) as Values<Attributes<never>>;
  }

  validate(rawConfig: RawDynamicValue, writeOnlyAllowed: boolean): Diagnostic[] {
    const config = this.decode(rawConfig);
    if (!config) return [];
    const diagnostics: Diagnostic[] = [];
    for (const [name, spec] of this.entries()) {
      const value = config[name];
      if (value === null || value === undefined || isUnknown(value)) continue;
      if (spec.writeOnly && !writeOnlyAllowed) {
        diagnostics.push(
          errorDiagnostic(
            'Write-only attribute not supported',
            `"${name}" needs Terraform 1.11 or later; use the non-write-only variant.`,
            AttributePath.root(name),
          ),
        );
      }
      diagnostics.push(...this.invalid(name, spec, value));
    }
    // Cross-attribute checks need every value: with unknowns they wait for the plan that has them.
    if (!Object.values(config).some(isUnknown)) diagnostics.push(...this.crossChecks(config));
    return diagnostics;
  }

  private crossChecks(config: Row): Diagnostic[] {
    return (this.definition.validate?.(this.values(config)) ?? []).map((issue) =>
      errorDiagnostic(issue.summary, issue.detail, issue.attribute ? AttributePath.root(issue.attribute) : undefined),
    );
  }

  plan(rawPrior: RawDynamicValue, rawProposed: RawDynamicValue, rawConfig: RawDynamicValue): PlanResult {
    const prior = this.decode(rawPrior);
    const proposed = this.decode(rawProposed);
    const config = this.decode(rawConfig);
    if (!proposed || !config) return { planned: this.encode(null), requiresReplace: [], diagnostics: [] };
    // Values unknown at validation are known by now, at the latest in the plan made during apply.
    const values = Object.values(config);
    if (this.definition.validate && !values.some(isUnknown)) {
      const problems = this.crossChecks(config);
      if (problems.length) return { planned: this.encode(null), requiresReplace: [], diagnostics: problems };
    }

    const planned: Row = {};
    const objects = { config: this.values(config), prior: prior ? this.values(prior) : null };
    for (const [name, spec] of this.entries())
      planned[name] = this.plannedValue(spec, config[name] ?? null, prior?.[name], objects);
    // A computed value that depends on a changing attribute is only known after apply.
    for (const [name, spec] of this.entries()) {
      if (!prior || !spec.unknownWhenChanged || config[name] !== null) continue;
      if (spec.unknownWhenChanged.some((dep) => !sameValue(planned[dep] ?? null, prior[dep] ?? null)))
        planned[name] = Unknown;
    }
    planned[ID] = prior ? this.plannedId(prior, planned) : Unknown;

    const fixed = prior ? this.fixedChanges(planned, prior) : [];
    if (fixed.length) return { planned: this.encode(null), requiresReplace: [], diagnostics: fixed };

    const requiresReplace: AttributePath[] = [];
    if (prior) {
      for (const [name, spec] of this.entries()) {
        if (needsReplacement(spec, prior[name] ?? null, planned[name] ?? null))
          requiresReplace.push(AttributePath.root(name));
      }
    }
    return { planned: this.encode(planned), requiresReplace, diagnostics: prior ? [] : this.missingOnCreate(config) };
  }

  /**
   * In-place changes of `fixedAfterCreate` attributes (an unknown value is checked once known, in
   * the plan made during apply; no prior value, nothing to compare).
   */
  private fixedChanges(planned: Row, prior: Row): Diagnostic[] {
    return this.entries()
      .filter(([name, spec]) => {
        const next = planned[name] ?? null;
        const before = prior[name] ?? null;
        return (
          !!spec.fixedAfterCreate &&
          before !== null &&
          !isUnknown(next) &&
          !sameValue(normalized(spec, next), normalized(spec, before))
        );
      })
      .map(([name, spec]) =>
        errorDiagnostic(
          `"${name}" cannot be changed in place`,
          `${this.definition.typeName}: "${name}" changes from ${JSON.stringify(prior[name] ?? null)} to ` +
            `${JSON.stringify(planned[name] ?? null)}, but ${spec.fixedAfterCreate}`,
          AttributePath.root(name),
        ),
      );
  }

  /** `requiredOnCreate` groups with no member set in the configuration, pointing at the first member. */
  private missingOnCreate(config: Row): Diagnostic[] {
    const unset = (attr: string) => config[attr] === null || config[attr] === undefined;
    return (this.definition.requiredOnCreate ?? [])
      .filter((group) => group.length > 0 && group.every(unset))
      .map((group) => {
        const names = group.map((attr) => `\`${attr}\``).join(' or ');
        return errorDiagnostic(
          `Missing ${group.join(' or ')}`,
          `Creating ${this.definition.typeName} needs ${names}.`,
          AttributePath.root(group[0]!),
        );
      });
  }

  /**
   * The ID an update will leave: the prior one, unless an in-place change of an identifying
   * attribute (e.g. a rename through change_email) gives a new one — known when every planned
   * value is, else unknown until apply (Terraform rejects an ID that changes unannounced).
   */
  private plannedId(prior: Row, planned: Row): PlanValue {
    const priorId = prior[ID] ?? null;
    const next = this.definition.identity(this.values(planned) as never);
    if (next === priorId) return priorId;
    return Object.values(planned).some(isUnknown) ? Unknown : next;
  }

  private plannedValue(
    spec: Spec,
    configValue: PlanValue,
    priorValue: PlanValue | undefined,
    objects: { config: Values<Attributes<never>>; prior: Values<Attributes<never>> | null },
  ): PlanValue {
    if (spec.writeOnly) return null;
    if (isUnknown(configValue)) return Unknown;
    if (configValue !== null) {
      // Terraform requires the configured value itself, or the prior value when the two are
      // equivalent (same canonical form): then no diff is shown for a mere spelling change.
      const equivalent =
        priorValue !== undefined &&
        (sameValue(normalized(spec, configValue), normalized(spec, priorValue)) ||
          sameWithin(spec, objects.config, objects.prior));
      return equivalent ? priorValue : configValue;
    }
    if (spec.default !== undefined) return normalized(spec, spec.default as PlanValue);
    if (isComputed(spec)) return priorValue === undefined ? Unknown : priorValue;
    return null;
  }

  async apply(
    client: Client,
    rawPrior: RawDynamicValue,
    rawPlanned: RawDynamicValue,
    rawConfig: RawDynamicValue,
  ): Promise<StateResult> {
    const prior = this.decode(rawPrior);
    const planned = this.decode(rawPlanned);
    const config = this.decode(rawConfig);
    const name = this.definition.typeName;
    try {
      if (!planned) {
        if (prior) await this.definition.delete(client, this.values(prior));
        return { state: this.encode(null), diagnostics: [] };
      }
      // Write-only values exist only in the configuration.
      const withSecrets: Row = { ...planned };
      for (const [attr, spec] of this.entries()) if (spec.writeOnly) withSecrets[attr] = config?.[attr] ?? null;
      const values = this.values(withSecrets);
      if (!prior) await this.definition.create(client, values, this.params('create', withSecrets, null));
      else await this.definition.update(client, values, this.values(prior), this.params('update', withSecrets, prior));

      const data = await this.definition.read(client, values);
      if (data === null) {
        return {
          diagnostics: [
            errorDiagnostic(
              `${name}: object not found after ${prior ? 'update' : 'create'}`,
              'The API accepted the change but the object cannot be read back. Check the server, then run ' +
                'terraform apply again.',
            ),
          ],
        };
      }
      const diagnostics: Diagnostic[] = [];
      const state = this.stateFrom(data, planned, 'planned', diagnostics, config);
      return { state: this.encode(state), diagnostics };
    } catch (error) {
      const isSet = (attr: string) => config?.[attr] !== null && config?.[attr] !== undefined;
      return {
        diagnostics: [
          diagnosticFor(
            error,
            this.describeError,
            this.attributes,
            `${name}: ${planned ? (prior ? 'update' : 'create') : 'delete'} failed`,
            isSet,
          ),
        ],
      };
    }
  }

  async read(client: Client, rawState: RawDynamicValue): Promise<StateResult> {
    const current = this.decode(rawState);
    if (!current) return { state: this.encode(null), diagnostics: [] };
    try {
      const data = await this.definition.read(client, this.values(current));
      if (data === null) return { state: this.encode(null), diagnostics: [] };
      return { state: this.encode(this.stateFrom(data, current, 'remote', [])), diagnostics: [] };
    } catch (error) {
      return {
        diagnostics: [
          diagnosticFor(error, this.describeError, this.attributes, `${this.definition.typeName}: read failed`),
        ],
      };
    }
  }

  async import(client: Client, id: string): Promise<StateResult> {
    const name = this.definition.typeName;
    let identifying: Record<string, unknown>;
    try {
      identifying = this.definition.importId(id) as Record<string, unknown>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        diagnostics: [
          errorDiagnostic(
            `${name}: invalid import ID "${id}"`,
            `${message} Expected: ${this.definition.importIdFormat}.`,
          ),
        ],
      };
    }
    const base: Row = {};
    for (const [attr, spec] of this.entries())
      base[attr] = (identifying[attr] as PlanValue | undefined) ?? (spec.default as PlanValue | undefined) ?? null;
    try {
      const data = await this.definition.read(client, this.values(base));
      if (data === null) {
        return {
          diagnostics: [
            errorDiagnostic(
              `${name}: cannot import "${id}"`,
              'No such object exists on the server. Check the ID, or create it with terraform apply instead.',
            ),
          ],
        };
      }
      return { state: this.encode(this.stateFrom(data, base, 'remote', [])), diagnostics: [] };
    } catch (error) {
      return { diagnostics: [diagnosticFor(error, this.describeError, this.attributes, `${name}: import failed`)] };
    }
  }

  /** A stored state (raw JSON, written with schema `fromVersion`) in the current schema. */
  upgrade(json: Uint8Array | undefined, fromVersion = this.definition.schemaVersion ?? 0): RawDynamicValue {
    if (!json?.length) return this.encode(null);
    const hook = this.definition.upgradeState;
    const current = this.definition.schemaVersion ?? 0;
    return upgradeJsonState(
      json,
      this.type,
      hook && fromVersion < current ? (state) => hook(state, fromVersion) : undefined,
    );
  }

  /**
   * A new state from the API's answer. `remote`: the server's value wins (drift detection).
   * `planned` (after create/update): each configured attribute is compared, in canonical form,
   * with what the plan promised; a server that stored something else (e.g. clamped a quota to a
   * limit) gets an error diagnostic on that attribute naming both values, and the state holds
   * what the server holds — never a silent permanent diff, and no "inconsistent result" from
   * Terraform, which does not hold an apply that reports errors to its plan. Without such an
   * error, a different value of an attribute the configuration leaves unset keeps the planned
   * value (Terraform would reject the change) with a warning; the next refresh shows it.
   */
  private stateFrom(
    data: unknown,
    base: Row,
    prefer: 'planned' | 'remote',
    diagnostics: Diagnostic[],
    config: Row | null = null,
  ): Row {
    const row: Row = {};
    const unconfiguredDrift: [string, PlanValue, PlanValue][] = [];
    for (const [attr, spec] of this.entries()) {
      const kept = base[attr] ?? null;
      if (spec.writeOnly) {
        row[attr] = null;
        continue;
      }
      const readValue = spec.read ? (spec.read as (d: unknown) => PlanValue | undefined)(data) : undefined;
      const remote = readValue === undefined ? undefined : normalized(spec, readValue);
      if (remote === undefined) row[attr] = isUnknown(kept) ? null : kept;
      else if (kept !== null && !isUnknown(kept) && sameValue(remote, normalized(spec, kept))) row[attr] = kept;
      else if (prefer === 'planned' && !isUnknown(kept) && kept !== null) {
        row[attr] = remote;
        const configured = config?.[attr] !== null && config?.[attr] !== undefined;
        if (configured) diagnostics.push(storedOtherwise(attr, spec, kept, remote));
        else unconfiguredDrift.push([attr, kept, remote]);
      } else row[attr] = remote;
    }
    if (!diagnostics.some((d) => d.severity === 'error')) {
      for (const [attr, kept, remote] of unconfiguredDrift) {
        const spec = this.attributes[attr]!;
        diagnostics.push(
          warningDiagnostic(
            `The server stored a different "${attr}"`,
            `Planned ${shown(spec, kept)}, the server reports ${shown(spec, remote)}. The next plan will show ` +
              'the difference.',
            AttributePath.root(attr),
          ),
        );
        row[attr] = kept;
      }
    }
    row[ID] = this.definition.identity(this.values(row) as never);
    return row;
  }

  /** API parameters, in canonical form, for a create or for the changed attributes of an update. */
  private params(op: 'create' | 'update', rawNext: Row, rawPrior: Row | null): ApiParams {
    const params: ApiParams = {};
    const always = new Set<string>(this.definition.alwaysSend ?? []);
    const next = canonicalRow(rawNext, this.attributes);
    const prior = rawPrior && canonicalRow(rawPrior, this.attributes);
    for (const [attr, spec] of this.entries()) {
      if (!spec.param && !spec.write) continue;
      if (spec.paramOn && spec.paramOn !== op) continue;
      const value = next[attr] ?? null;
      const previous = prior ? (prior[attr] ?? null) : null;
      if (op === 'update' && !always.has(attr)) {
        const changed = spec.writeOnly
          ? !!spec.sendWhenChanged &&
            !sameValue(next[spec.sendWhenChanged] ?? null, prior?.[spec.sendWhenChanged] ?? null)
          : !sameValue(value, previous);
        if (!changed) continue;
      }
      if (spec.write)
        Object.assign(
          params,
          (spec.write as (n: PlanValue, p: PlanValue, o: 'create' | 'update') => ApiParams)(value, previous, op),
        );
      else if (value !== null) params[spec.param!] = value;
    }
    return params;
  }
}

/** A value for a diagnostic: never a sensitive one. */
function shown(spec: Spec, value: PlanValue): string {
  return spec.sensitive ? '(sensitive value)' : JSON.stringify(value);
}

/** The error for a configured value the server stored differently. */
function storedOtherwise(attr: string, spec: Spec, planned: PlanValue, stored: PlanValue): Diagnostic {
  return errorDiagnostic(
    `The server stored a different "${attr}"`,
    `The configuration says ${shown(spec, planned)}, but the server stored ${shown(spec, stored)} ` +
      "(a server may clamp a value to a limit, e.g. a quota to the domain's maximum, or leave out what it refuses). " +
      'The state now holds what the server stored. Configure a value the server keeps, or raise its limit, and ' +
      'apply again.',
    AttributePath.root(attr),
  );
}

/**
 * Whether a planned change of this attribute replaces the object. A conditional replacement
 * (`when`) cannot be judged on an unknown or absent value: it replaces then, to be safe.
 */
function needsReplacement(spec: Spec, prior: PlanValue, planned: PlanValue): boolean {
  if (!spec.requiresReplace || sameValue(planned, prior)) return false;
  if (spec.requiresReplace === true) return true;
  if (prior === null || planned === null || isUnknown(prior) || isUnknown(planned)) return true;
  return (spec.requiresReplace.when as (p: PlanValue, n: PlanValue) => boolean)(prior, planned);
}

/** Equivalent in the context of the whole object (`canonicalWith`), e.g. a quantity with its unit. */
function sameWithin(spec: Spec, config: Values<Attributes<never>>, prior: Values<Attributes<never>> | null): boolean {
  if (!spec.canonicalWith || !prior) return false;
  const configured = spec.canonicalWith(config);
  return configured !== null && configured === spec.canonicalWith(prior);
}
