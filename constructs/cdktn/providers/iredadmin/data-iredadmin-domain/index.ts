// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/domain
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataIredadminDomainConfig extends cdktn.TerraformMetaArguments {
  /**
  * The domain to read.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/domain#domain DataIredadminDomain#domain}
  */
  readonly domain: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/domain iredadmin_domain}
*/
export class DataIredadminDomain extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_domain";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataIredadminDomain resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataIredadminDomain to import
  * @param importFromId The id of the existing DataIredadminDomain that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/domain#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataIredadminDomain to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_domain", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/domain iredadmin_domain} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataIredadminDomainConfig
  */
  public constructor(scope: Construct, id: string, config: DataIredadminDomainConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_domain',
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
    this._domain = config.domain;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // account_status - computed: true, optional: false, required: false
  public get accountStatus() {
    return this.getStringAttribute('account_status');
  }

  // backup_mx - computed: true, optional: false, required: false
  public get backupMx() {
    return this.getBooleanAttribute('backup_mx');
  }

  // catchall - computed: true, optional: false, required: false
  public get catchall() {
    return cdktn.Fn.tolist(this.getListAttribute('catchall'));
  }

  // default_quota - computed: true, optional: false, required: false
  public get defaultQuota() {
    return this.getNumberAttribute('default_quota');
  }

  // disabled_domain_profiles - computed: true, optional: false, required: false
  public get disabledDomainProfiles() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_domain_profiles'));
  }

  // disabled_user_preferences - computed: true, optional: false, required: false
  public get disabledUserPreferences() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_user_preferences'));
  }

  // disabled_user_profiles - computed: true, optional: false, required: false
  public get disabledUserProfiles() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_user_profiles'));
  }

  // domain - computed: false, optional: false, required: true
  private _domain?: string; 
  public get domain() {
    return this.getStringAttribute('domain');
  }
  public set domain(value: string) {
    this._domain = value;
  }
  // Temporarily expose input value. Use with caution.
  public get domainInput() {
    return this._domain;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // language - computed: true, optional: false, required: false
  public get language() {
    return this.getStringAttribute('language');
  }

  // max_aliases - computed: true, optional: false, required: false
  public get maxAliases() {
    return this.getNumberAttribute('max_aliases');
  }

  // max_lists - computed: true, optional: false, required: false
  public get maxLists() {
    return this.getNumberAttribute('max_lists');
  }

  // max_password_length - computed: true, optional: false, required: false
  public get maxPasswordLength() {
    return this.getNumberAttribute('max_password_length');
  }

  // max_user_quota - computed: true, optional: false, required: false
  public get maxUserQuota() {
    return this.getNumberAttribute('max_user_quota');
  }

  // max_users - computed: true, optional: false, required: false
  public get maxUsers() {
    return this.getNumberAttribute('max_users');
  }

  // min_password_length - computed: true, optional: false, required: false
  public get minPasswordLength() {
    return this.getNumberAttribute('min_password_length');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // outbound_relay - computed: true, optional: false, required: false
  public get outboundRelay() {
    return this.getStringAttribute('outbound_relay');
  }

  // primary_mx - computed: true, optional: false, required: false
  public get primaryMx() {
    return this.getStringAttribute('primary_mx');
  }

  // quota - computed: true, optional: false, required: false
  public get quota() {
    return this.getNumberAttribute('quota');
  }

  // recipient_bcc - computed: true, optional: false, required: false
  public get recipientBcc() {
    return this.getStringAttribute('recipient_bcc');
  }

  // sender_bcc - computed: true, optional: false, required: false
  public get senderBcc() {
    return this.getStringAttribute('sender_bcc');
  }

  // services - computed: true, optional: false, required: false
  public get services() {
    return cdktn.Fn.tolist(this.getListAttribute('services'));
  }

  // transport - computed: true, optional: false, required: false
  public get transport() {
    return this.getStringAttribute('transport');
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      domain: cdktn.stringToTerraform(this._domain),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      domain: {
        value: cdktn.stringToHclTerraform(this._domain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
