// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/admin
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataIredadminAdminConfig extends cdktn.TerraformMetaArguments {
  /**
  * The admin to read.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/admin#email DataIredadminAdmin#email}
  */
  readonly email: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/admin iredadmin_admin}
*/
export class DataIredadminAdmin extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_admin";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataIredadminAdmin resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataIredadminAdmin to import
  * @param importFromId The id of the existing DataIredadminAdmin that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/admin#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataIredadminAdmin to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_admin", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/admin iredadmin_admin} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataIredadminAdminConfig
  */
  public constructor(scope: Construct, id: string, config: DataIredadminAdminConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_admin',
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
    this._email = config.email;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // account_status - computed: true, optional: false, required: false
  public get accountStatus() {
    return this.getStringAttribute('account_status');
  }

  // email - computed: false, optional: false, required: true
  private _email?: string; 
  public get email() {
    return this.getStringAttribute('email');
  }
  public set email(value: string) {
    this._email = value;
  }
  // Temporarily expose input value. Use with caution.
  public get emailInput() {
    return this._email;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // is_global_admin - computed: true, optional: false, required: false
  public get isGlobalAdmin() {
    return this.getBooleanAttribute('is_global_admin');
  }

  // language - computed: true, optional: false, required: false
  public get language() {
    return this.getStringAttribute('language');
  }

  // managed_domains - computed: true, optional: false, required: false
  public get managedDomains() {
    return cdktn.Fn.tolist(this.getListAttribute('managed_domains'));
  }

  // max_aliases - computed: true, optional: false, required: false
  public get maxAliases() {
    return this.getNumberAttribute('max_aliases');
  }

  // max_domains - computed: true, optional: false, required: false
  public get maxDomains() {
    return this.getNumberAttribute('max_domains');
  }

  // max_lists - computed: true, optional: false, required: false
  public get maxLists() {
    return this.getNumberAttribute('max_lists');
  }

  // max_quota - computed: true, optional: false, required: false
  public get maxQuota() {
    return this.getNumberAttribute('max_quota');
  }

  // max_quota_unit - computed: true, optional: false, required: false
  public get maxQuotaUnit() {
    return this.getStringAttribute('max_quota_unit');
  }

  // max_users - computed: true, optional: false, required: false
  public get maxUsers() {
    return this.getNumberAttribute('max_users');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      email: cdktn.stringToTerraform(this._email),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      email: {
        value: cdktn.stringToHclTerraform(this._email),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
