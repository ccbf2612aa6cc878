/**
 * A string setting several resources share (`account_status`, `language`, `name`, `transport`,
 * `access_policy`): the same API parameter, check and error code everywhere; each resource says
 * how its object holds the value and what it means there.
 */
import { attributesFor, type AttributeBase, type AttributeSpec, type Sample, type Validator } from '../framework';

export interface SharedSetting {
  readonly param: string;
  readonly validator: Validator<string>;
  readonly errorCode: string;
  /** What the attribute reads when the server has no value. */
  readonly fallback: string;
}

export type SettingSamples = readonly [Sample<'string'>, Sample<'string'>];

/** What one resource adds to a shared setting, e.g. a domain's transport that a backup MX change rewrites. */
export type SettingOptions = Pick<AttributeBase<'string', never>, 'unknownWhenChanged'>;

/** The attribute builder of one shared setting. */
export const sharedSetting =
  (setting: SharedSetting) =>
  <Data>(
    read: (data: Data) => string | null | undefined,
    description: string,
    samples: SettingSamples,
    options: SettingOptions = {},
  ): AttributeSpec<'string', Data> =>
    attributesFor<Data>().string({
      ...options,
      samples,
      optional: true,
      param: setting.param,
      validators: [setting.validator],
      read: (d) => read(d) ?? setting.fallback,
      description,
      errorCodes: [setting.errorCode],
    });
