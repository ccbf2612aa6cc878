// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface WblistConfig extends cdktn.TerraformMetaArguments {
  /**
  * Addresses always rejected (inbound: mail from them is refused; outbound: mail to them is refused). Each entry is an email (`user@example.com`, also `user@[192.0.2.1]`), `@example.com` (the domain), `@.example.com` (the domain and its sub-domains), `@.com` (a top-level domain), `@.` (everything), an IPv4 or IPv6 address, a CIDR network (`192.0.2.0/24`) or `user@*` (that local part at any domain); wildcard IPs such as `192.0.2.*` are not accepted. Compared lower-case, CIDR networks without host bits. The whole list belongs to this resource: entries added elsewhere show as a diff and are removed on apply. Default empty. Defaults to `[]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist#blacklist Wblist#blacklist}
  */
  readonly blacklist?: string[];
  /**
  * `inbound`: senders of mail the target receives; `outbound`: recipients of mail the target sends. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist#direction Wblist#direction}
  */
  readonly direction: string;
  /**
  * Whose lists: `global` (the whole server), a domain name (`example.com`) or an email address (`user@example.com`). amavisd checks the user's lists first, then the domain's, then the global ones. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist#target Wblist#target}
  */
  readonly target: string;
  /**
  * Addresses always accepted (inbound: never treated as spam; outbound: always allowed). Each entry is an email (`user@example.com`, also `user@[192.0.2.1]`), `@example.com` (the domain), `@.example.com` (the domain and its sub-domains), `@.com` (a top-level domain), `@.` (everything), an IPv4 or IPv6 address, a CIDR network (`192.0.2.0/24`) or `user@*` (that local part at any domain); wildcard IPs such as `192.0.2.*` are not accepted. Compared lower-case, CIDR networks without host bits. The whole list belongs to this resource: entries added elsewhere show as a diff and are removed on apply. Default empty. Defaults to `[]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist#whitelist Wblist#whitelist}
  */
  readonly whitelist?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist iredadmin_wblist}
*/
export class Wblist extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_wblist";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Wblist resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Wblist to import
  * @param importFromId The id of the existing Wblist that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Wblist to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_wblist", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/wblist iredadmin_wblist} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options WblistConfig
  */
  public constructor(scope: Construct, id: string, config: WblistConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_wblist',
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
    this._blacklist = config.blacklist;
    this._direction = config.direction;
    this._target = config.target;
    this._whitelist = config.whitelist;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // blacklist - computed: true, optional: true, required: false
  private _blacklist?: string[]; 
  public get blacklist() {
    return cdktn.Fn.tolist(this.getListAttribute('blacklist'));
  }
  public set blacklist(value: string[]) {
    this._blacklist = value;
  }
  public resetBlacklist() {
    this._blacklist = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get blacklistInput() {
    return this._blacklist;
  }

  // direction - computed: false, optional: false, required: true
  private _direction?: string; 
  public get direction() {
    return this.getStringAttribute('direction');
  }
  public set direction(value: string) {
    this._direction = value;
  }
  // Temporarily expose input value. Use with caution.
  public get directionInput() {
    return this._direction;
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

  // whitelist - computed: true, optional: true, required: false
  private _whitelist?: string[]; 
  public get whitelist() {
    return cdktn.Fn.tolist(this.getListAttribute('whitelist'));
  }
  public set whitelist(value: string[]) {
    this._whitelist = value;
  }
  public resetWhitelist() {
    this._whitelist = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get whitelistInput() {
    return this._whitelist;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      blacklist: cdktn.listMapper(cdktn.stringToTerraform, false)(this._blacklist),
      direction: cdktn.stringToTerraform(this._direction),
      target: cdktn.stringToTerraform(this._target),
      whitelist: cdktn.listMapper(cdktn.stringToTerraform, false)(this._whitelist),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      blacklist: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._blacklist),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      direction: {
        value: cdktn.stringToHclTerraform(this._direction),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      target: {
        value: cdktn.stringToHclTerraform(this._target),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      whitelist: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._whitelist),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
