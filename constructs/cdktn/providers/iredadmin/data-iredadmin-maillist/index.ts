// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/maillist
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataIredadminMaillistConfig extends cdktn.TerraformMetaArguments {
  /**
  * The list to read.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/maillist#email DataIredadminMaillist#email}
  */
  readonly email: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/maillist iredadmin_maillist}
*/
export class DataIredadminMaillist extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_maillist";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataIredadminMaillist resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataIredadminMaillist to import
  * @param importFromId The id of the existing DataIredadminMaillist that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/maillist#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataIredadminMaillist to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_maillist", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/maillist iredadmin_maillist} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataIredadminMaillistConfig
  */
  public constructor(scope: Construct, id: string, config: DataIredadminMaillistConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_maillist',
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

  // access_policy - computed: true, optional: false, required: false
  public get accessPolicy() {
    return this.getStringAttribute('access_policy');
  }

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

  // is_newsletter - computed: true, optional: false, required: false
  public get isNewsletter() {
    return this.getBooleanAttribute('is_newsletter');
  }

  // max_message_size - computed: true, optional: false, required: false
  public get maxMessageSize() {
    return this.getNumberAttribute('max_message_size');
  }

  // members - computed: true, optional: false, required: false
  public get members() {
    return cdktn.Fn.tolist(this.getListAttribute('members'));
  }

  // moderators - computed: true, optional: false, required: false
  public get moderators() {
    return cdktn.Fn.tolist(this.getListAttribute('moderators'));
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // newsletter_description - computed: true, optional: false, required: false
  public get newsletterDescription() {
    return this.getStringAttribute('newsletter_description');
  }

  // owners - computed: true, optional: false, required: false
  public get owners() {
    return cdktn.Fn.tolist(this.getListAttribute('owners'));
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
