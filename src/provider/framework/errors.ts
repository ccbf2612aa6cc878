/** Turning failures into diagnostics: summary, detail with the fix, and the attribute when known. */
import { AttributePath, errorDiagnostic, type Diagnostic } from '../protocol';
import type { Attributes } from './attributes';

/** What a provider says about an error from its API client. */
export interface ErrorDescription {
  readonly summary: string;
  readonly detail: string;
  /** The API's error code, matched against attributes' `errorCodes`. */
  readonly code?: string;
  /** Every code, when the API gave several at once (matched like `code`). */
  readonly codes?: readonly string[];
}

export type DescribeError = (error: unknown) => ErrorDescription;

/**
 * The attribute an error is about: the first whose `errorCodes` include one of the codes,
 * preferring one that is set (so a password failure points at `password_wo` when that is what
 * the configuration uses).
 */
function attributeFor(
  codes: readonly string[],
  attributes: Attributes<never>,
  isSet: (attribute: string) => boolean,
): string | undefined {
  if (!codes.length) return undefined;
  const matching = Object.entries(attributes)
    .filter(([, spec]) => codes.some((code) => spec.errorCodes?.includes(code)))
    .map(([name]) => name);
  return matching.find(isSet) ?? matching[0];
}

export function diagnosticFor(
  error: unknown,
  describe: DescribeError,
  attributes: Attributes<never>,
  context: string,
  isSet: (attribute: string) => boolean = () => false,
): Diagnostic {
  const { summary, detail, code, codes } = describe(error);
  const attribute = attributeFor(codes ?? (code ? [code] : []), attributes, isSet);
  return errorDiagnostic(`${context}: ${summary}`, detail, attribute ? AttributePath.root(attribute) : undefined);
}
