// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface AdminConfig extends cdktn.TerraformMetaArguments {
  /**
  * `active` or `disabled` (a disabled admin cannot log in). Default `active`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#account_status Admin#account_status}
  */
  readonly accountStatus?: string;
  /**
  * The admin's login, an email address outside the domains the server hosts (e.g. `it-admin@example.net`); a mail user of a hosted domain becomes its admin with `iredadmin_domain_admins` instead. The API cannot rename an admin.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#email Admin#email}
  */
  readonly email: string;
  /**
  * A global admin manages every domain and has no limits. Default `false`: a normal admin, managing the domains it creates or is given (see `iredadmin_domain_admins`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#is_global_admin Admin#is_global_admin}
  */
  readonly isGlobalAdmin?: boolean | cdktn.IResolvable;
  /**
  * Language of the iRedAdmin web interface, e.g. `en_US`; `""` on the server means its default.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#language Admin#language}
  */
  readonly language?: string;
  /**
  * How many aliases the admin may create, in all its domains together; 0 = unlimited. Normal admins only: setting it with `is_global_admin = true` is an error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_aliases Admin#max_aliases}
  */
  readonly maxAliases?: number;
  /**
  * How many domains the admin may create; 0 = unlimited. Normal admins only: setting it with `is_global_admin = true` is an error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_domains Admin#max_domains}
  */
  readonly maxDomains?: number;
  /**
  * How many mailing lists the admin may create, in all its domains together; 0 = unlimited. Normal admins only: setting it with `is_global_admin = true` is an error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_lists Admin#max_lists}
  */
  readonly maxLists?: number;
  /**
  * Mailbox quota the admin may hand out in total, in `max_quota_unit`, shared by all its domains; 0 = unlimited. Set together with `max_quota_unit`. The server keeps it in the unit sent; `2` `TB` and `2097152` `MB` are the same value (no diff), and the configured spelling is kept. Normal admins only: setting it with `is_global_admin = true` is an error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_quota Admin#max_quota}
  */
  readonly maxQuota?: number;
  /**
  * Unit of `max_quota`: `TB`, `GB` or `MB`. Set together with `max_quota`. When unset, read back as the server keeps it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_quota_unit Admin#max_quota_unit}
  */
  readonly maxQuotaUnit?: string;
  /**
  * How many mail users the admin may create, in all its domains together; 0 = unlimited. Normal admins only: setting it with `is_global_admin = true` is an error.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#max_users Admin#max_users}
  */
  readonly maxUsers?: number;
  /**
  * Display name, e.g. `IT admin`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#name Admin#name}
  */
  readonly name?: string;
  /**
  * Password (sensitive; stored in state but never read back, so a change made elsewhere is not detected). Creating an admin needs `password` or `password_wo` (a plan-time error otherwise); an imported admin needs neither. The server checks its policy (length, a letter, an upper-case letter, a digit, a special character). Conflicts with `password_wo`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#password Admin#password}
  */
  readonly password?: string;
  /**
  * Write-only password (Terraform ≥ 1.11): sent on create and whenever `password_wo_version` changes, never stored in state or plan. Conflicts with `password`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#password_wo Admin#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Change it (e.g. increment) to send `password_wo` again: the way to rotate a write-only password.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#password_wo_version Admin#password_wo_version}
  */
  readonly passwordWoVersion?: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin iredadmin_admin}
*/
export class Admin extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_admin";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Admin resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Admin to import
  * @param importFromId The id of the existing Admin that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Admin to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_admin", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/admin iredadmin_admin} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AdminConfig
  */
  public constructor(scope: Construct, id: string, config: AdminConfig) {
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
    this._accountStatus = config.accountStatus;
    this._email = config.email;
    this._isGlobalAdmin = config.isGlobalAdmin;
    this._language = config.language;
    this._maxAliases = config.maxAliases;
    this._maxDomains = config.maxDomains;
    this._maxLists = config.maxLists;
    this._maxQuota = config.maxQuota;
    this._maxQuotaUnit = config.maxQuotaUnit;
    this._maxUsers = config.maxUsers;
    this._name = config.name;
    this._password = config.password;
    this._passwordWo = config.passwordWo;
    this._passwordWoVersion = config.passwordWoVersion;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // account_status - computed: true, optional: true, required: false
  private _accountStatus?: string; 
  public get accountStatus() {
    return this.getStringAttribute('account_status');
  }
  public set accountStatus(value: string) {
    this._accountStatus = value;
  }
  public resetAccountStatus() {
    this._accountStatus = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accountStatusInput() {
    return this._accountStatus;
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

  // is_global_admin - computed: true, optional: true, required: false
  private _isGlobalAdmin?: boolean | cdktn.IResolvable; 
  public get isGlobalAdmin() {
    return this.getBooleanAttribute('is_global_admin');
  }
  public set isGlobalAdmin(value: boolean | cdktn.IResolvable) {
    this._isGlobalAdmin = value;
  }
  public resetIsGlobalAdmin() {
    this._isGlobalAdmin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isGlobalAdminInput() {
    return this._isGlobalAdmin;
  }

  // language - computed: true, optional: true, required: false
  private _language?: string; 
  public get language() {
    return this.getStringAttribute('language');
  }
  public set language(value: string) {
    this._language = value;
  }
  public resetLanguage() {
    this._language = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get languageInput() {
    return this._language;
  }

  // max_aliases - computed: true, optional: true, required: false
  private _maxAliases?: number; 
  public get maxAliases() {
    return this.getNumberAttribute('max_aliases');
  }
  public set maxAliases(value: number) {
    this._maxAliases = value;
  }
  public resetMaxAliases() {
    this._maxAliases = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxAliasesInput() {
    return this._maxAliases;
  }

  // max_domains - computed: true, optional: true, required: false
  private _maxDomains?: number; 
  public get maxDomains() {
    return this.getNumberAttribute('max_domains');
  }
  public set maxDomains(value: number) {
    this._maxDomains = value;
  }
  public resetMaxDomains() {
    this._maxDomains = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxDomainsInput() {
    return this._maxDomains;
  }

  // max_lists - computed: true, optional: true, required: false
  private _maxLists?: number; 
  public get maxLists() {
    return this.getNumberAttribute('max_lists');
  }
  public set maxLists(value: number) {
    this._maxLists = value;
  }
  public resetMaxLists() {
    this._maxLists = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxListsInput() {
    return this._maxLists;
  }

  // max_quota - computed: true, optional: true, required: false
  private _maxQuota?: number; 
  public get maxQuota() {
    return this.getNumberAttribute('max_quota');
  }
  public set maxQuota(value: number) {
    this._maxQuota = value;
  }
  public resetMaxQuota() {
    this._maxQuota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxQuotaInput() {
    return this._maxQuota;
  }

  // max_quota_unit - computed: true, optional: true, required: false
  private _maxQuotaUnit?: string; 
  public get maxQuotaUnit() {
    return this.getStringAttribute('max_quota_unit');
  }
  public set maxQuotaUnit(value: string) {
    this._maxQuotaUnit = value;
  }
  public resetMaxQuotaUnit() {
    this._maxQuotaUnit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxQuotaUnitInput() {
    return this._maxQuotaUnit;
  }

  // max_users - computed: true, optional: true, required: false
  private _maxUsers?: number; 
  public get maxUsers() {
    return this.getNumberAttribute('max_users');
  }
  public set maxUsers(value: number) {
    this._maxUsers = value;
  }
  public resetMaxUsers() {
    this._maxUsers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxUsersInput() {
    return this._maxUsers;
  }

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // password_wo - computed: false, optional: true, required: false
  private _passwordWo?: string; 
  /**
  * @deprecated Write-only: the provider never returns this value; reading it always yields null by protocol contract. The getter remains for compatibility and will be removed in a future prebuilt-provider major.
  */
  public get passwordWo() {
    return this.getStringAttribute('password_wo');
  }
  public set passwordWo(value: string) {
    this._passwordWo = value;
  }
  public resetPasswordWo() {
    this._passwordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoInput() {
    return this._passwordWo;
  }

  // password_wo_version - computed: false, optional: true, required: false
  private _passwordWoVersion?: number; 
  public get passwordWoVersion() {
    return this.getNumberAttribute('password_wo_version');
  }
  public set passwordWoVersion(value: number) {
    this._passwordWoVersion = value;
  }
  public resetPasswordWoVersion() {
    this._passwordWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoVersionInput() {
    return this._passwordWoVersion;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      account_status: cdktn.stringToTerraform(this._accountStatus),
      email: cdktn.stringToTerraform(this._email),
      is_global_admin: cdktn.booleanToTerraform(this._isGlobalAdmin),
      language: cdktn.stringToTerraform(this._language),
      max_aliases: cdktn.numberToTerraform(this._maxAliases),
      max_domains: cdktn.numberToTerraform(this._maxDomains),
      max_lists: cdktn.numberToTerraform(this._maxLists),
      max_quota: cdktn.numberToTerraform(this._maxQuota),
      max_quota_unit: cdktn.stringToTerraform(this._maxQuotaUnit),
      max_users: cdktn.numberToTerraform(this._maxUsers),
      name: cdktn.stringToTerraform(this._name),
      password: cdktn.stringToTerraform(this._password),
      password_wo: this.markWriteOnlyAttribute(cdktn.stringToTerraform(this._passwordWo)),
      password_wo_version: cdktn.numberToTerraform(this._passwordWoVersion),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      account_status: {
        value: cdktn.stringToHclTerraform(this._accountStatus),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      email: {
        value: cdktn.stringToHclTerraform(this._email),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      is_global_admin: {
        value: cdktn.booleanToHclTerraform(this._isGlobalAdmin),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      language: {
        value: cdktn.stringToHclTerraform(this._language),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_aliases: {
        value: cdktn.numberToHclTerraform(this._maxAliases),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_domains: {
        value: cdktn.numberToHclTerraform(this._maxDomains),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_lists: {
        value: cdktn.numberToHclTerraform(this._maxLists),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_quota: {
        value: cdktn.numberToHclTerraform(this._maxQuota),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_quota_unit: {
        value: cdktn.stringToHclTerraform(this._maxQuotaUnit),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_users: {
        value: cdktn.numberToHclTerraform(this._maxUsers),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password: {
        value: cdktn.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo: {
        value: this.markWriteOnlyAttribute(cdktn.stringToHclTerraform(this._passwordWo)),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo_version: {
        value: cdktn.numberToHclTerraform(this._passwordWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
