// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface SpampolicyConfig extends cdktn.TerraformMetaArguments {
  /**
  * Add the X-Spam-* headers (score, matched SpamAssassin rules) to every message; for debugging spam checks. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#always_insert_x_spam_headers Spampolicy#always_insert_x_spam_headers}
  */
  readonly alwaysInsertXSpamHeaders?: boolean | cdktn.IResolvable;
  /**
  * Skip banned file type checks. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#bypass_banned_checks Spampolicy#bypass_banned_checks}
  */
  readonly bypassBannedChecks?: boolean | cdktn.IResolvable;
  /**
  * Skip bad header checks. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#bypass_header_checks Spampolicy#bypass_header_checks}
  */
  readonly bypassHeaderChecks?: boolean | cdktn.IResolvable;
  /**
  * Skip spam checks. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#bypass_spam_checks Spampolicy#bypass_spam_checks}
  */
  readonly bypassSpamChecks?: boolean | cdktn.IResolvable;
  /**
  * Skip virus checks. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#bypass_virus_checks Spampolicy#bypass_virus_checks}
  */
  readonly bypassVirusChecks?: boolean | cdktn.IResolvable;
  /**
  * Prefix the subject of spam with `[SPAM]`. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#prefix_spam_in_subject Spampolicy#prefix_spam_in_subject}
  */
  readonly prefixSpamInSubject?: boolean | cdktn.IResolvable;
  /**
  * Quarantine mail with a bad header in the SQL database. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#quarantine_bad_header Spampolicy#quarantine_bad_header}
  */
  readonly quarantineBadHeader?: boolean | cdktn.IResolvable;
  /**
  * Quarantine mail with a banned file type in the SQL database. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#quarantine_banned Spampolicy#quarantine_banned}
  */
  readonly quarantineBanned?: boolean | cdktn.IResolvable;
  /**
  * Quarantine spam in the SQL database instead of delivering it. Default `false`. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#quarantine_spam Spampolicy#quarantine_spam}
  */
  readonly quarantineSpam?: boolean | cdktn.IResolvable;
  /**
  * Quarantine mail with a virus in the SQL database. Default `true`. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#quarantine_virus Spampolicy#quarantine_virus}
  */
  readonly quarantineVirus?: boolean | cdktn.IResolvable;
  /**
  * Score from which a message is spam, a whole number (iRedAdmin-Pro rejects decimals), e.g. `5`. Unset: the system setting of amavisd.conf applies.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#spam_score Spampolicy#spam_score}
  */
  readonly spamScore?: number;
  /**
  * Whose policy: `global` (the server default), a domain name (`example.com`) or an email address (`user@example.com`). amavisd applies the user policy first, then the domain one, then the global one. Changing it replaces the policy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#target Spampolicy#target}
  */
  readonly target: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy iredadmin_spampolicy}
*/
export class Spampolicy extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_spampolicy";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Spampolicy resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Spampolicy to import
  * @param importFromId The id of the existing Spampolicy that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Spampolicy to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_spampolicy", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/spampolicy iredadmin_spampolicy} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SpampolicyConfig
  */
  public constructor(scope: Construct, id: string, config: SpampolicyConfig) {
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
    this._alwaysInsertXSpamHeaders = config.alwaysInsertXSpamHeaders;
    this._bypassBannedChecks = config.bypassBannedChecks;
    this._bypassHeaderChecks = config.bypassHeaderChecks;
    this._bypassSpamChecks = config.bypassSpamChecks;
    this._bypassVirusChecks = config.bypassVirusChecks;
    this._prefixSpamInSubject = config.prefixSpamInSubject;
    this._quarantineBadHeader = config.quarantineBadHeader;
    this._quarantineBanned = config.quarantineBanned;
    this._quarantineSpam = config.quarantineSpam;
    this._quarantineVirus = config.quarantineVirus;
    this._spamScore = config.spamScore;
    this._target = config.target;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // always_insert_x_spam_headers - computed: true, optional: true, required: false
  private _alwaysInsertXSpamHeaders?: boolean | cdktn.IResolvable; 
  public get alwaysInsertXSpamHeaders() {
    return this.getBooleanAttribute('always_insert_x_spam_headers');
  }
  public set alwaysInsertXSpamHeaders(value: boolean | cdktn.IResolvable) {
    this._alwaysInsertXSpamHeaders = value;
  }
  public resetAlwaysInsertXSpamHeaders() {
    this._alwaysInsertXSpamHeaders = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get alwaysInsertXSpamHeadersInput() {
    return this._alwaysInsertXSpamHeaders;
  }

  // bypass_banned_checks - computed: true, optional: true, required: false
  private _bypassBannedChecks?: boolean | cdktn.IResolvable; 
  public get bypassBannedChecks() {
    return this.getBooleanAttribute('bypass_banned_checks');
  }
  public set bypassBannedChecks(value: boolean | cdktn.IResolvable) {
    this._bypassBannedChecks = value;
  }
  public resetBypassBannedChecks() {
    this._bypassBannedChecks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bypassBannedChecksInput() {
    return this._bypassBannedChecks;
  }

  // bypass_header_checks - computed: true, optional: true, required: false
  private _bypassHeaderChecks?: boolean | cdktn.IResolvable; 
  public get bypassHeaderChecks() {
    return this.getBooleanAttribute('bypass_header_checks');
  }
  public set bypassHeaderChecks(value: boolean | cdktn.IResolvable) {
    this._bypassHeaderChecks = value;
  }
  public resetBypassHeaderChecks() {
    this._bypassHeaderChecks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bypassHeaderChecksInput() {
    return this._bypassHeaderChecks;
  }

  // bypass_spam_checks - computed: true, optional: true, required: false
  private _bypassSpamChecks?: boolean | cdktn.IResolvable; 
  public get bypassSpamChecks() {
    return this.getBooleanAttribute('bypass_spam_checks');
  }
  public set bypassSpamChecks(value: boolean | cdktn.IResolvable) {
    this._bypassSpamChecks = value;
  }
  public resetBypassSpamChecks() {
    this._bypassSpamChecks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bypassSpamChecksInput() {
    return this._bypassSpamChecks;
  }

  // bypass_virus_checks - computed: true, optional: true, required: false
  private _bypassVirusChecks?: boolean | cdktn.IResolvable; 
  public get bypassVirusChecks() {
    return this.getBooleanAttribute('bypass_virus_checks');
  }
  public set bypassVirusChecks(value: boolean | cdktn.IResolvable) {
    this._bypassVirusChecks = value;
  }
  public resetBypassVirusChecks() {
    this._bypassVirusChecks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bypassVirusChecksInput() {
    return this._bypassVirusChecks;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // prefix_spam_in_subject - computed: true, optional: true, required: false
  private _prefixSpamInSubject?: boolean | cdktn.IResolvable; 
  public get prefixSpamInSubject() {
    return this.getBooleanAttribute('prefix_spam_in_subject');
  }
  public set prefixSpamInSubject(value: boolean | cdktn.IResolvable) {
    this._prefixSpamInSubject = value;
  }
  public resetPrefixSpamInSubject() {
    this._prefixSpamInSubject = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prefixSpamInSubjectInput() {
    return this._prefixSpamInSubject;
  }

  // quarantine_bad_header - computed: true, optional: true, required: false
  private _quarantineBadHeader?: boolean | cdktn.IResolvable; 
  public get quarantineBadHeader() {
    return this.getBooleanAttribute('quarantine_bad_header');
  }
  public set quarantineBadHeader(value: boolean | cdktn.IResolvable) {
    this._quarantineBadHeader = value;
  }
  public resetQuarantineBadHeader() {
    this._quarantineBadHeader = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quarantineBadHeaderInput() {
    return this._quarantineBadHeader;
  }

  // quarantine_banned - computed: true, optional: true, required: false
  private _quarantineBanned?: boolean | cdktn.IResolvable; 
  public get quarantineBanned() {
    return this.getBooleanAttribute('quarantine_banned');
  }
  public set quarantineBanned(value: boolean | cdktn.IResolvable) {
    this._quarantineBanned = value;
  }
  public resetQuarantineBanned() {
    this._quarantineBanned = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quarantineBannedInput() {
    return this._quarantineBanned;
  }

  // quarantine_spam - computed: true, optional: true, required: false
  private _quarantineSpam?: boolean | cdktn.IResolvable; 
  public get quarantineSpam() {
    return this.getBooleanAttribute('quarantine_spam');
  }
  public set quarantineSpam(value: boolean | cdktn.IResolvable) {
    this._quarantineSpam = value;
  }
  public resetQuarantineSpam() {
    this._quarantineSpam = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quarantineSpamInput() {
    return this._quarantineSpam;
  }

  // quarantine_virus - computed: true, optional: true, required: false
  private _quarantineVirus?: boolean | cdktn.IResolvable; 
  public get quarantineVirus() {
    return this.getBooleanAttribute('quarantine_virus');
  }
  public set quarantineVirus(value: boolean | cdktn.IResolvable) {
    this._quarantineVirus = value;
  }
  public resetQuarantineVirus() {
    this._quarantineVirus = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quarantineVirusInput() {
    return this._quarantineVirus;
  }

  // spam_score - computed: false, optional: true, required: false
  private _spamScore?: number; 
  public get spamScore() {
    return this.getNumberAttribute('spam_score');
  }
  public set spamScore(value: number) {
    this._spamScore = value;
  }
  public resetSpamScore() {
    this._spamScore = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spamScoreInput() {
    return this._spamScore;
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
      always_insert_x_spam_headers: cdktn.booleanToTerraform(this._alwaysInsertXSpamHeaders),
      bypass_banned_checks: cdktn.booleanToTerraform(this._bypassBannedChecks),
      bypass_header_checks: cdktn.booleanToTerraform(this._bypassHeaderChecks),
      bypass_spam_checks: cdktn.booleanToTerraform(this._bypassSpamChecks),
      bypass_virus_checks: cdktn.booleanToTerraform(this._bypassVirusChecks),
      prefix_spam_in_subject: cdktn.booleanToTerraform(this._prefixSpamInSubject),
      quarantine_bad_header: cdktn.booleanToTerraform(this._quarantineBadHeader),
      quarantine_banned: cdktn.booleanToTerraform(this._quarantineBanned),
      quarantine_spam: cdktn.booleanToTerraform(this._quarantineSpam),
      quarantine_virus: cdktn.booleanToTerraform(this._quarantineVirus),
      spam_score: cdktn.numberToTerraform(this._spamScore),
      target: cdktn.stringToTerraform(this._target),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      always_insert_x_spam_headers: {
        value: cdktn.booleanToHclTerraform(this._alwaysInsertXSpamHeaders),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bypass_banned_checks: {
        value: cdktn.booleanToHclTerraform(this._bypassBannedChecks),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bypass_header_checks: {
        value: cdktn.booleanToHclTerraform(this._bypassHeaderChecks),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bypass_spam_checks: {
        value: cdktn.booleanToHclTerraform(this._bypassSpamChecks),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bypass_virus_checks: {
        value: cdktn.booleanToHclTerraform(this._bypassVirusChecks),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      prefix_spam_in_subject: {
        value: cdktn.booleanToHclTerraform(this._prefixSpamInSubject),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      quarantine_bad_header: {
        value: cdktn.booleanToHclTerraform(this._quarantineBadHeader),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      quarantine_banned: {
        value: cdktn.booleanToHclTerraform(this._quarantineBanned),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      quarantine_spam: {
        value: cdktn.booleanToHclTerraform(this._quarantineSpam),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      quarantine_virus: {
        value: cdktn.booleanToHclTerraform(this._quarantineVirus),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      spam_score: {
        value: cdktn.numberToHclTerraform(this._spamScore),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
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
