// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface GreylistingConfig extends cdktn.TerraformMetaArguments {
  /**
  * Whether mail to the target is greylisted (a first delivery attempt from an unknown sender is deferred).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting#enabled Greylisting#enabled}
  */
  readonly enabled: boolean | cdktn.IResolvable;
  /**
  * Whose greylisting: `global` (the whole server), a domain name (`example.com`) or an email address (`user@example.com`). iRedAPD applies the user's setting first, then the domain's, then the global one. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting#target Greylisting#target}
  */
  readonly target: string;
  /**
  * Senders never greylisted for the target. Each entry is an email (`user@example.com`, also `user@[192.0.2.1]`), `@example.com` (the domain), `@.example.com` (the domain and its sub-domains), `@.com` (a top-level domain), `@.` (everything), an IPv4 or IPv6 address, a CIDR network (`192.0.2.0/24`) or `user@*` (that local part at any domain); wildcard IPs such as `192.0.2.*` are not accepted. The whole set belongs to this resource: entries added elsewhere show as a diff. Default empty. Defaults to `[]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting#whitelisted_senders Greylisting#whitelisted_senders}
  */
  readonly whitelistedSenders?: string[];
  /**
  * `global` only: domains (e.g. `google.com`) whose mail servers, as their SPF and MX records name them, are never greylisted (iRedAPD's cron job resolves them). Server-wide, owned by this resource. Default empty. Defaults to `[]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting#whitelisted_spf_domains Greylisting#whitelisted_spf_domains}
  */
  readonly whitelistedSpfDomains?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting iredadmin_greylisting}
*/
export class Greylisting extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_greylisting";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Greylisting resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Greylisting to import
  * @param importFromId The id of the existing Greylisting that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Greylisting to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_greylisting", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/greylisting iredadmin_greylisting} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options GreylistingConfig
  */
  public constructor(scope: Construct, id: string, config: GreylistingConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_greylisting',
      terraformGeneratorMetadata: {
        providerName: 'iredadmin',
        providerVersion: '0.1.0',
        providerVersionConstraint: '~> 0.1'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._enabled = config.enabled;
    this._target = config.target;
    this._whitelistedSenders = config.whitelistedSenders;
    this._whitelistedSpfDomains = config.whitelistedSpfDomains;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // enabled - computed: false, optional: false, required: true
  private _enabled?: boolean | cdktn.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktn.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // target - computed: false, optional: false, required: true
  private _target?: string; 
  public get target() {
    return this.getStringAttribute('target');
  }
  public set target(value: string) {
    this._target = value;
  }
  // Temporarily expose input value. Use with caution.
  public get targetInput() {
    return this._target;
  }

  // whitelisted_senders - computed: true, optional: true, required: false
  private _whitelistedSenders?: string[]; 
  public get whitelistedSenders() {
    return cdktn.Fn.tolist(this.getListAttribute('whitelisted_senders'));
  }
  public set whitelistedSenders(value: string[]) {
    this._whitelistedSenders = value;
  }
  public resetWhitelistedSenders() {
    this._whitelistedSenders = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get whitelistedSendersInput() {
    return this._whitelistedSenders;
  }

  // whitelisted_spf_domains - computed: true, optional: true, required: false
  private _whitelistedSpfDomains?: string[]; 
  public get whitelistedSpfDomains() {
    return cdktn.Fn.tolist(this.getListAttribute('whitelisted_spf_domains'));
  }
  public set whitelistedSpfDomains(value: string[]) {
    this._whitelistedSpfDomains = value;
  }
  public resetWhitelistedSpfDomains() {
    this._whitelistedSpfDomains = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get whitelistedSpfDomainsInput() {
    return this._whitelistedSpfDomains;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      enabled: cdktn.booleanToTerraform(this._enabled),
      target: cdktn.stringToTerraform(this._target),
      whitelisted_senders: cdktn.listMapper(cdktn.stringToTerraform, false)(this._whitelistedSenders),
      whitelisted_spf_domains: cdktn.listMapper(cdktn.stringToTerraform, false)(this._whitelistedSpfDomains),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      enabled: {
        value: cdktn.booleanToHclTerraform(this._enabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      target: {
        value: cdktn.stringToHclTerraform(this._target),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      whitelisted_senders: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._whitelistedSenders),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      whitelisted_spf_domains: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._whitelistedSpfDomains),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
