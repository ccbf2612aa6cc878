// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/spampolicy
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataIredadminSpampolicyConfig extends cdktn.TerraformMetaArguments {
  /**
  * `global`, a domain name or an email address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/spampolicy#target DataIredadminSpampolicy#target}
  */
  readonly target: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/spampolicy iredadmin_spampolicy}
*/
export class DataIredadminSpampolicy extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_spampolicy";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataIredadminSpampolicy resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataIredadminSpampolicy to import
  * @param importFromId The id of the existing DataIredadminSpampolicy that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/spampolicy#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataIredadminSpampolicy to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_spampolicy", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/data-sources/spampolicy iredadmin_spampolicy} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataIredadminSpampolicyConfig
  */
  public constructor(scope: Construct, id: string, config: DataIredadminSpampolicyConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_spampolicy',
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
    this._target = config.target;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // always_insert_x_spam_headers - computed: true, optional: false, required: false
  public get alwaysInsertXSpamHeaders() {
    return this.getBooleanAttribute('always_insert_x_spam_headers');
  }

  // bypass_banned_checks - computed: true, optional: false, required: false
  public get bypassBannedChecks() {
    return this.getBooleanAttribute('bypass_banned_checks');
  }

  // bypass_header_checks - computed: true, optional: false, required: false
  public get bypassHeaderChecks() {
    return this.getBooleanAttribute('bypass_header_checks');
  }

  // bypass_spam_checks - computed: true, optional: false, required: false
  public get bypassSpamChecks() {
    return this.getBooleanAttribute('bypass_spam_checks');
  }

  // bypass_virus_checks - computed: true, optional: false, required: false
  public get bypassVirusChecks() {
    return this.getBooleanAttribute('bypass_virus_checks');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // prefix_spam_in_subject - computed: true, optional: false, required: false
  public get prefixSpamInSubject() {
    return this.getBooleanAttribute('prefix_spam_in_subject');
  }

  // quarantine_bad_header - computed: true, optional: false, required: false
  public get quarantineBadHeader() {
    return this.getBooleanAttribute('quarantine_bad_header');
  }

  // quarantine_banned - computed: true, optional: false, required: false
  public get quarantineBanned() {
    return this.getBooleanAttribute('quarantine_banned');
  }

  // quarantine_spam - computed: true, optional: false, required: false
  public get quarantineSpam() {
    return this.getBooleanAttribute('quarantine_spam');
  }

  // quarantine_virus - computed: true, optional: false, required: false
  public get quarantineVirus() {
    return this.getBooleanAttribute('quarantine_virus');
  }

  // spam_score - computed: true, optional: false, required: false
  public get spamScore() {
    return this.getNumberAttribute('spam_score');
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

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      target: cdktn.stringToTerraform(this._target),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      target: {
        value: cdktn.stringToHclTerraform(this._target),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
