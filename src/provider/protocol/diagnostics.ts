/**
 * Diagnostics: what a provider tells Terraform's user (errors and warnings),
 * optionally pointing at an attribute so Terraform can quote the config line.
 */

export type PathStep =
  | { readonly attributeName: string }
  | { readonly elementKeyString: string }
  | { readonly elementKeyInt: number };

/**
 * An immutable path into a value: `AttributePath.root('tags').key('env')`
 * points at `tags["env"]`, `.index(0)` at a list or tuple element.
 */
export class AttributePath {
  private constructor(readonly steps: readonly PathStep[]) {}

  static readonly empty = new AttributePath([]);

  static root(attributeName: string): AttributePath {
    return new AttributePath([{ attributeName }]);
  }

  static of(steps: readonly PathStep[]): AttributePath {
    return new AttributePath([...steps]);
  }

  attribute(name: string): AttributePath {
    return new AttributePath([...this.steps, { attributeName: name }]);
  }

  /** A map element (or an object attribute addressed by key). */
  key(key: string): AttributePath {
    return new AttributePath([...this.steps, { elementKeyString: key }]);
  }

  /** A list or tuple element. */
  index(index: number): AttributePath {
    return new AttributePath([...this.steps, { elementKeyInt: index }]);
  }

  get isEmpty(): boolean {
    return this.steps.length === 0;
  }

  /** Terraform-like rendering, e.g. `tags["env"]` or `rule[0].port`. */
  toString(): string {
    return this.steps
      .map((step, i) => {
        if ('attributeName' in step) return i === 0 ? step.attributeName : `.${step.attributeName}`;
        if ('elementKeyString' in step) return `[${JSON.stringify(step.elementKeyString)}]`;
        return `[${step.elementKeyInt}]`;
      })
      .join('');
  }

  equals(other: AttributePath): boolean {
    return this.toString() === other.toString();
  }
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePath;
}

/** A diagnostic of one severity; `detail` and `attribute` only when given. */
const diagnosticOf =
  (severity: Severity) =>
  (summary: string, detail?: string, attribute?: AttributePath): Diagnostic => ({
    severity,
    summary,
    ...(detail !== undefined ? { detail } : {}),
    ...(attribute ? { attribute } : {}),
  });

export const errorDiagnostic = diagnosticOf('error');
export const warningDiagnostic = diagnosticOf('warning');

/** An error that knows which attribute it is about; the server turns it into a diagnostic. */
export class AttributeError extends Error {
  constructor(
    readonly reason: string,
    readonly attribute: AttributePath,
  ) {
    super(attribute.isEmpty ? reason : `${attribute.toString()}: ${reason}`);
    this.name = 'AttributeError';
  }
}
