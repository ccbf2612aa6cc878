// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface UserConfig extends cdktn.TerraformMetaArguments {
  /**
  * `active` (default) or `disabled`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#account_status User#account_status}
  */
  readonly accountStatus?: string;
  /**
  * Per-user alias addresses delivering to this user, in domains the admin manages. An address already used by another account is not assigned: apply then fails on `aliases`, naming what the server kept. `[]` removes them all.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#aliases User#aliases}
  */
  readonly aliases?: string[];
  /**
  * The address, e.g. `jane@example.com`; its domain must exist. Changing it within the domain renames the user in place (`change_email`): forwardings, alias addresses, alias and list memberships, admin rights, bcc, throttles and spam policy follow; the maildir stays where it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#email User#email}
  */
  readonly email: string;
  /**
  * Employee ID, free text.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#employee_id User#employee_id}
  */
  readonly employeeId?: string;
  /**
  * Forward mail to these addresses. Include the user's own address to keep a copy in the mailbox; `[]` = no forwarding (mail is delivered to the mailbox).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#forwarding User#forwarding}
  */
  readonly forwarding?: string[];
  /**
  * When the user is destroyed, keep its mailbox on disk this many days (recorded for the cleanup job). Unset: kept until removed by hand.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#keep_mailbox_days User#keep_mailbox_days}
  */
  readonly keepMailboxDays?: number;
  /**
  * Preferred language, e.g. `en_US`. Default: the domain's default language.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#language User#language}
  */
  readonly language?: string;
  /**
  * Display name, e.g. `Jane Doe`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#name User#name}
  */
  readonly name?: string;
  /**
  * Password (sensitive; stored in state but never read back, so a change made elsewhere is not detected). Creating a user needs `password` or `password_wo` (a plan-time error otherwise); an imported user needs neither. The server checks its policy (length, a letter, an upper-case letter, a digit, a special character). Conflicts with `password_wo`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#password User#password}
  */
  readonly password?: string;
  /**
  * Write-only password (Terraform ≥ 1.11): sent on create and whenever `password_wo_version` changes, never stored in state or plan. Conflicts with `password`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#password_wo User#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Change it (e.g. increment) to send `password_wo` again: the way to rotate a write-only password.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#password_wo_version User#password_wo_version}
  */
  readonly passwordWoVersion?: number;
  /**
  * Mailbox quota in MB; 0 = unlimited. Default: the domain's `default_quota`. The server clamps a quota above the domain's `max_user_quota` (or above what is left of its `quota`): apply then fails on `quota` naming both values, and the state holds what the server stored.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#quota User#quota}
  */
  readonly quota?: number;
  /**
  * Address that gets a copy of every mail the user receives; `""` for none.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#recipient_bcc User#recipient_bcc}
  */
  readonly recipientBcc?: string;
  /**
  * Address that gets a copy of every mail the user sends; `""` for none.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#sender_bcc User#sender_bcc}
  */
  readonly senderBcc?: string;
  /**
  * Enabled mail services, exactly these (the others are disabled): smtp, smtpsecured, pop3, pop3secured, imap, imapsecured, sogo, sogowebmail, sogocalendar, sogoactivesync, managesieve, managesievesecured, sieve, sievesecured, deliver.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#services User#services}
  */
  readonly services?: string[];
  /**
  * Postfix transport of this user, e.g. `dovecot`; `""` on the server = the domain's transport.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#transport User#transport}
  */
  readonly transport?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user iredadmin_user}
*/
export class User extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_user";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a User resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the User to import
  * @param importFromId The id of the existing User that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the User to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_user", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/user iredadmin_user} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options UserConfig
  */
  public constructor(scope: Construct, id: string, config: UserConfig) {
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
    this._accountStatus = config.accountStatus;
    this._aliases = config.aliases;
    this._email = config.email;
    this._employeeId = config.employeeId;
    this._forwarding = config.forwarding;
    this._keepMailboxDays = config.keepMailboxDays;
    this._language = config.language;
    this._name = config.name;
    this._password = config.password;
    this._passwordWo = config.passwordWo;
    this._passwordWoVersion = config.passwordWoVersion;
    this._quota = config.quota;
    this._recipientBcc = config.recipientBcc;
    this._senderBcc = config.senderBcc;
    this._services = config.services;
    this._transport = config.transport;
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

  // aliases - computed: true, optional: true, required: false
  private _aliases?: string[]; 
  public get aliases() {
    return cdktn.Fn.tolist(this.getListAttribute('aliases'));
  }
  public set aliases(value: string[]) {
    this._aliases = value;
  }
  public resetAliases() {
    this._aliases = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasesInput() {
    return this._aliases;
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

  // employee_id - computed: true, optional: true, required: false
  private _employeeId?: string; 
  public get employeeId() {
    return this.getStringAttribute('employee_id');
  }
  public set employeeId(value: string) {
    this._employeeId = value;
  }
  public resetEmployeeId() {
    this._employeeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get employeeIdInput() {
    return this._employeeId;
  }

  // forwarding - computed: true, optional: true, required: false
  private _forwarding?: string[]; 
  public get forwarding() {
    return cdktn.Fn.tolist(this.getListAttribute('forwarding'));
  }
  public set forwarding(value: string[]) {
    this._forwarding = value;
  }
  public resetForwarding() {
    this._forwarding = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forwardingInput() {
    return this._forwarding;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // keep_mailbox_days - computed: false, optional: true, required: false
  private _keepMailboxDays?: number; 
  public get keepMailboxDays() {
    return this.getNumberAttribute('keep_mailbox_days');
  }
  public set keepMailboxDays(value: number) {
    this._keepMailboxDays = value;
  }
  public resetKeepMailboxDays() {
    this._keepMailboxDays = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keepMailboxDaysInput() {
    return this._keepMailboxDays;
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

  // quota - computed: true, optional: true, required: false
  private _quota?: number; 
  public get quota() {
    return this.getNumberAttribute('quota');
  }
  public set quota(value: number) {
    this._quota = value;
  }
  public resetQuota() {
    this._quota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quotaInput() {
    return this._quota;
  }

  // recipient_bcc - computed: true, optional: true, required: false
  private _recipientBcc?: string; 
  public get recipientBcc() {
    return this.getStringAttribute('recipient_bcc');
  }
  public set recipientBcc(value: string) {
    this._recipientBcc = value;
  }
  public resetRecipientBcc() {
    this._recipientBcc = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recipientBccInput() {
    return this._recipientBcc;
  }

  // sender_bcc - computed: true, optional: true, required: false
  private _senderBcc?: string; 
  public get senderBcc() {
    return this.getStringAttribute('sender_bcc');
  }
  public set senderBcc(value: string) {
    this._senderBcc = value;
  }
  public resetSenderBcc() {
    this._senderBcc = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get senderBccInput() {
    return this._senderBcc;
  }

  // services - computed: true, optional: true, required: false
  private _services?: string[]; 
  public get services() {
    return cdktn.Fn.tolist(this.getListAttribute('services'));
  }
  public set services(value: string[]) {
    this._services = value;
  }
  public resetServices() {
    this._services = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get servicesInput() {
    return this._services;
  }

  // transport - computed: true, optional: true, required: false
  private _transport?: string; 
  public get transport() {
    return this.getStringAttribute('transport');
  }
  public set transport(value: string) {
    this._transport = value;
  }
  public resetTransport() {
    this._transport = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get transportInput() {
    return this._transport;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      account_status: cdktn.stringToTerraform(this._accountStatus),
      aliases: cdktn.listMapper(cdktn.stringToTerraform, false)(this._aliases),
      email: cdktn.stringToTerraform(this._email),
      employee_id: cdktn.stringToTerraform(this._employeeId),
      forwarding: cdktn.listMapper(cdktn.stringToTerraform, false)(this._forwarding),
      keep_mailbox_days: cdktn.numberToTerraform(this._keepMailboxDays),
      language: cdktn.stringToTerraform(this._language),
      name: cdktn.stringToTerraform(this._name),
      password: cdktn.stringToTerraform(this._password),
      password_wo: this.markWriteOnlyAttribute(cdktn.stringToTerraform(this._passwordWo)),
      password_wo_version: cdktn.numberToTerraform(this._passwordWoVersion),
      quota: cdktn.numberToTerraform(this._quota),
      recipient_bcc: cdktn.stringToTerraform(this._recipientBcc),
      sender_bcc: cdktn.stringToTerraform(this._senderBcc),
      services: cdktn.listMapper(cdktn.stringToTerraform, false)(this._services),
      transport: cdktn.stringToTerraform(this._transport),
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
      aliases: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._aliases),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      email: {
        value: cdktn.stringToHclTerraform(this._email),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      employee_id: {
        value: cdktn.stringToHclTerraform(this._employeeId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      forwarding: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._forwarding),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      keep_mailbox_days: {
        value: cdktn.numberToHclTerraform(this._keepMailboxDays),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      language: {
        value: cdktn.stringToHclTerraform(this._language),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
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
      quota: {
        value: cdktn.numberToHclTerraform(this._quota),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      recipient_bcc: {
        value: cdktn.stringToHclTerraform(this._recipientBcc),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      sender_bcc: {
        value: cdktn.stringToHclTerraform(this._senderBcc),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      services: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._services),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      transport: {
        value: cdktn.stringToHclTerraform(this._transport),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
