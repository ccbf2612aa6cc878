/** Turning failures into diagnostics: summary, detail with the fix, and the attribute when known. */
import { AttributePath, errorDiagnostic, type Diagnostic } from '../protocol';
import type { Attributes } from './attributes';

/** What a provider says about an error from its API client. */
export interface ErrorDescription {
  readonly summary: string;
  readonly detail: string;
  /** The API's error code, matched against attributes' `errorCodes`. */
  readonly code?: string;
}

export type DescribeError = (error: unknown) => ErrorDescription;

export function diagnosticFor(
  error: unknown,
  describe: DescribeError,
  attributes: Attributes<never>,
  context: string,
): Diagnostic {
  const { summary, detail, code } = describe(error);
  const attribute = code ? Object.entries(attributes).find(([, spec]) => spec.errorCodes?.includes(code))?.[0] : undefined;
  return errorDiagnostic(`${context}: ${summary}`, detail, attribute ? AttributePath.root(attribute) : undefined);
}
