// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/user
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataIredadminUserConfig extends cdktn.TerraformMetaArguments {
  /**
  * The user to read.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/user#email DataIredadminUser#email}
  */
  readonly email: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/user iredadmin_user}
*/
export class DataIredadminUser extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_user";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataIredadminUser resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataIredadminUser to import
  * @param importFromId The id of the existing DataIredadminUser that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/user#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataIredadminUser to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_user", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/user iredadmin_user} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataIredadminUserConfig
  */
  public constructor(scope: Construct, id: string, config: DataIredadminUserConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_user',
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

  // aliases - computed: true, optional: false, required: false
  public get aliases() {
    return cdktn.Fn.tolist(this.getListAttribute('aliases'));
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

  // employee_id - computed: true, optional: false, required: false
  public get employeeId() {
    return this.getStringAttribute('employee_id');
  }

  // forwarding - computed: true, optional: false, required: false
  public get forwarding() {
    return cdktn.Fn.tolist(this.getListAttribute('forwarding'));
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // language - computed: true, optional: false, required: false
  public get language() {
    return this.getStringAttribute('language');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
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
