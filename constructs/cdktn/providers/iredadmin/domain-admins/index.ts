// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DomainAdminsConfig extends cdktn.TerraformMetaArguments {
  /**
  * Every admin of the domain: separate admins (`iredadmin_admin`) or mail users. Admins attached to the domain outside this set are removed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins#admins DomainAdmins#admins}
  */
  readonly admins: string[];
  /**
  * The domain, e.g. `example.com`; it must exist.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins#domain DomainAdmins#domain}
  */
  readonly domain: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins iredadmin_domain_admins}
*/
export class DomainAdmins extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_domain_admins";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DomainAdmins resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DomainAdmins to import
  * @param importFromId The id of the existing DomainAdmins that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DomainAdmins to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_domain_admins", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain_admins iredadmin_domain_admins} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DomainAdminsConfig
  */
  public constructor(scope: Construct, id: string, config: DomainAdminsConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_domain_admins',
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
    this._admins = config.admins;
    this._domain = config.domain;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // admins - computed: false, optional: false, required: true
  private _admins?: string[]; 
  public get admins() {
    return cdktn.Fn.tolist(this.getListAttribute('admins'));
  }
  public set admins(value: string[]) {
    this._admins = value;
  }
  // Temporarily expose input value. Use with caution.
  public get adminsInput() {
    return this._admins;
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

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      admins: cdktn.listMapper(cdktn.stringToTerraform, false)(this._admins),
      domain: cdktn.stringToTerraform(this._domain),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      admins: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._admins),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
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
