/** Quotas, sizes and limits: a whole number ≥ 0 sent as one API parameter, where 0 usually means unlimited. */
import { attributesFor, type AttributeSpec } from '../framework';
import { wholeNumber } from './validators';

export interface AmountSpec<Data> {
  readonly param: string;
  /** The server's value; none reads as 0. */
  readonly read: (data: Data) => number | null | undefined;
  readonly samples: readonly [number, number];
  readonly description: string;
  readonly errorCodes?: readonly string[];
}

export const amount = <Data>({ read, ...spec }: AmountSpec<Data>): AttributeSpec<'number', Data> =>
  attributesFor<Data>().number({ ...spec, optional: true, validators: [wholeNumber], read: (d) => read(d) ?? 0 });
