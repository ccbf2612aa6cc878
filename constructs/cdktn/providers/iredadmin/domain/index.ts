// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DomainConfig extends cdktn.TerraformMetaArguments {
  /**
  * `active` or `disabled`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#account_status Domain#account_status}
  */
  readonly accountStatus?: string;
  /**
  * Serve as backup MX for the domain (needs `primary_mx`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#backup_mx Domain#backup_mx}
  */
  readonly backupMx?: boolean | cdktn.IResolvable;
  /**
  * Catch-all addresses: mail to unknown users of the domain goes to them. Empty = no catch-all.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#catchall Domain#catchall}
  */
  readonly catchall?: string[];
  /**
  * Quota of new users, in MB; 0 = unlimited.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#default_quota Domain#default_quota}
  */
  readonly defaultQuota?: number;
  /**
  * Domain profile pages normal admins may not see or change: bcc, relay, catchall, aliases, throttle, greylisting, wblist, spampolicy, backupmx, advanced.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#disabled_domain_profiles Domain#disabled_domain_profiles}
  */
  readonly disabledDomainProfiles?: string[];
  /**
  * Self-service preferences users may not change: personal_info, forwarding, wblist, quarantine, rcvd_mails, spampolicy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#disabled_user_preferences Domain#disabled_user_preferences}
  */
  readonly disabledUserPreferences?: string[];
  /**
  * User profile pages normal admins may not see or change: bcc, forwarding, relay, aliases, throttle, greylisting, wblist, spampolicy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#disabled_user_profiles Domain#disabled_user_profiles}
  */
  readonly disabledUserProfiles?: string[];
  /**
  * The domain name, e.g. `example.com`. An IDN name may be written in Unicode (`bücher.example`) or punycode (`xn--bcher-kva.example`): the server stores punycode, the ID is punycode, and either spelling gives an empty plan.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#domain Domain#domain}
  */
  readonly domain: string;
  /**
  * When the domain is destroyed, keep its mailboxes on disk this many days. Unset: kept until removed by hand.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#keep_mailbox_days Domain#keep_mailbox_days}
  */
  readonly keepMailboxDays?: number;
  /**
  * Default language of new users, e.g. `en_US`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#language Domain#language}
  */
  readonly language?: string;
  /**
  * Most aliases; 0 = unlimited.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#max_aliases Domain#max_aliases}
  */
  readonly maxAliases?: number;
  /**
  * Most mailing lists; 0 = unlimited. Set when the domain is created: the iRedAdmin-Pro API takes `numberOfLists` only when it creates a domain (an update ignores it), and replacing the domain would delete its mailboxes. To change it, change the limit on the server (e.g. in the iRedAdmin-Pro web interface) and then set the same value here (a refresh reads it back), or restore the previous value.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#max_lists Domain#max_lists}
  */
  readonly maxLists?: number;
  /**
  * Longest password of the domain's users; 0 = no limit.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#max_password_length Domain#max_password_length}
  */
  readonly maxPasswordLength?: number;
  /**
  * Largest quota a user may have, in MB; 0 = unlimited.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#max_user_quota Domain#max_user_quota}
  */
  readonly maxUserQuota?: number;
  /**
  * Most mail users; 0 = unlimited.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#max_users Domain#max_users}
  */
  readonly maxUsers?: number;
  /**
  * Shortest password of the domain's users; 0 = server default.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#min_password_length Domain#min_password_length}
  */
  readonly minPasswordLength?: number;
  /**
  * Short description, e.g. the company name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#name Domain#name}
  */
  readonly name?: string;
  /**
  * Relay for outgoing mail, e.g. `smtp:[192.0.2.1]:25`; `""` for none.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#outbound_relay Domain#outbound_relay}
  */
  readonly outboundRelay?: string;
  /**
  * Primary MX when `backup_mx` is true: host or IP, optional port, e.g. `[mx1.example.com]:25`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#primary_mx Domain#primary_mx}
  */
  readonly primaryMx?: string;
  /**
  * Mailbox quota of the whole domain, in MB; 0 = unlimited.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#quota Domain#quota}
  */
  readonly quota?: number;
  /**
  * Address that gets a copy of every mail sent to the domain; `""` for none.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#recipient_bcc Domain#recipient_bcc}
  */
  readonly recipientBcc?: string;
  /**
  * Address that gets a copy of every mail sent from the domain; `""` for none.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#sender_bcc Domain#sender_bcc}
  */
  readonly senderBcc?: string;
  /**
  * Enabled domain services, e.g. `["self-service"]` (the SQL edition's `services` parameter: the whole set; `[]` disables them all).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#services Domain#services}
  */
  readonly services?: string[];
  /**
  * Postfix transport, e.g. `dovecot` (local delivery). Conflicts with `backup_mx`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#transport Domain#transport}
  */
  readonly transport?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain iredadmin_domain}
*/
export class Domain extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_domain";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Domain resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Domain to import
  * @param importFromId The id of the existing Domain that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Domain to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_domain", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/domain iredadmin_domain} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DomainConfig
  */
  public constructor(scope: Construct, id: string, config: DomainConfig) {
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
    this._accountStatus = config.accountStatus;
    this._backupMx = config.backupMx;
    this._catchall = config.catchall;
    this._defaultQuota = config.defaultQuota;
    this._disabledDomainProfiles = config.disabledDomainProfiles;
    this._disabledUserPreferences = config.disabledUserPreferences;
    this._disabledUserProfiles = config.disabledUserProfiles;
    this._domain = config.domain;
    this._keepMailboxDays = config.keepMailboxDays;
    this._language = config.language;
    this._maxAliases = config.maxAliases;
    this._maxLists = config.maxLists;
    this._maxPasswordLength = config.maxPasswordLength;
    this._maxUserQuota = config.maxUserQuota;
    this._maxUsers = config.maxUsers;
    this._minPasswordLength = config.minPasswordLength;
    this._name = config.name;
    this._outboundRelay = config.outboundRelay;
    this._primaryMx = config.primaryMx;
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

  // backup_mx - computed: true, optional: true, required: false
  private _backupMx?: boolean | cdktn.IResolvable; 
  public get backupMx() {
    return this.getBooleanAttribute('backup_mx');
  }
  public set backupMx(value: boolean | cdktn.IResolvable) {
    this._backupMx = value;
  }
  public resetBackupMx() {
    this._backupMx = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get backupMxInput() {
    return this._backupMx;
  }

  // catchall - computed: true, optional: true, required: false
  private _catchall?: string[]; 
  public get catchall() {
    return cdktn.Fn.tolist(this.getListAttribute('catchall'));
  }
  public set catchall(value: string[]) {
    this._catchall = value;
  }
  public resetCatchall() {
    this._catchall = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get catchallInput() {
    return this._catchall;
  }

  // default_quota - computed: true, optional: true, required: false
  private _defaultQuota?: number; 
  public get defaultQuota() {
    return this.getNumberAttribute('default_quota');
  }
  public set defaultQuota(value: number) {
    this._defaultQuota = value;
  }
  public resetDefaultQuota() {
    this._defaultQuota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultQuotaInput() {
    return this._defaultQuota;
  }

  // disabled_domain_profiles - computed: true, optional: true, required: false
  private _disabledDomainProfiles?: string[]; 
  public get disabledDomainProfiles() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_domain_profiles'));
  }
  public set disabledDomainProfiles(value: string[]) {
    this._disabledDomainProfiles = value;
  }
  public resetDisabledDomainProfiles() {
    this._disabledDomainProfiles = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disabledDomainProfilesInput() {
    return this._disabledDomainProfiles;
  }

  // disabled_user_preferences - computed: true, optional: true, required: false
  private _disabledUserPreferences?: string[]; 
  public get disabledUserPreferences() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_user_preferences'));
  }
  public set disabledUserPreferences(value: string[]) {
    this._disabledUserPreferences = value;
  }
  public resetDisabledUserPreferences() {
    this._disabledUserPreferences = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disabledUserPreferencesInput() {
    return this._disabledUserPreferences;
  }

  // disabled_user_profiles - computed: true, optional: true, required: false
  private _disabledUserProfiles?: string[]; 
  public get disabledUserProfiles() {
    return cdktn.Fn.tolist(this.getListAttribute('disabled_user_profiles'));
  }
  public set disabledUserProfiles(value: string[]) {
    this._disabledUserProfiles = value;
  }
  public resetDisabledUserProfiles() {
    this._disabledUserProfiles = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disabledUserProfilesInput() {
    return this._disabledUserProfiles;
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

  // max_password_length - computed: true, optional: true, required: false
  private _maxPasswordLength?: number; 
  public get maxPasswordLength() {
    return this.getNumberAttribute('max_password_length');
  }
  public set maxPasswordLength(value: number) {
    this._maxPasswordLength = value;
  }
  public resetMaxPasswordLength() {
    this._maxPasswordLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxPasswordLengthInput() {
    return this._maxPasswordLength;
  }

  // max_user_quota - computed: true, optional: true, required: false
  private _maxUserQuota?: number; 
  public get maxUserQuota() {
    return this.getNumberAttribute('max_user_quota');
  }
  public set maxUserQuota(value: number) {
    this._maxUserQuota = value;
  }
  public resetMaxUserQuota() {
    this._maxUserQuota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxUserQuotaInput() {
    return this._maxUserQuota;
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

  // min_password_length - computed: true, optional: true, required: false
  private _minPasswordLength?: number; 
  public get minPasswordLength() {
    return this.getNumberAttribute('min_password_length');
  }
  public set minPasswordLength(value: number) {
    this._minPasswordLength = value;
  }
  public resetMinPasswordLength() {
    this._minPasswordLength = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minPasswordLengthInput() {
    return this._minPasswordLength;
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

  // outbound_relay - computed: true, optional: true, required: false
  private _outboundRelay?: string; 
  public get outboundRelay() {
    return this.getStringAttribute('outbound_relay');
  }
  public set outboundRelay(value: string) {
    this._outboundRelay = value;
  }
  public resetOutboundRelay() {
    this._outboundRelay = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get outboundRelayInput() {
    return this._outboundRelay;
  }

  // primary_mx - computed: true, optional: true, required: false
  private _primaryMx?: string; 
  public get primaryMx() {
    return this.getStringAttribute('primary_mx');
  }
  public set primaryMx(value: string) {
    this._primaryMx = value;
  }
  public resetPrimaryMx() {
    this._primaryMx = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryMxInput() {
    return this._primaryMx;
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
      backup_mx: cdktn.booleanToTerraform(this._backupMx),
      catchall: cdktn.listMapper(cdktn.stringToTerraform, false)(this._catchall),
      default_quota: cdktn.numberToTerraform(this._defaultQuota),
      disabled_domain_profiles: cdktn.listMapper(cdktn.stringToTerraform, false)(this._disabledDomainProfiles),
      disabled_user_preferences: cdktn.listMapper(cdktn.stringToTerraform, false)(this._disabledUserPreferences),
      disabled_user_profiles: cdktn.listMapper(cdktn.stringToTerraform, false)(this._disabledUserProfiles),
      domain: cdktn.stringToTerraform(this._domain),
      keep_mailbox_days: cdktn.numberToTerraform(this._keepMailboxDays),
      language: cdktn.stringToTerraform(this._language),
      max_aliases: cdktn.numberToTerraform(this._maxAliases),
      max_lists: cdktn.numberToTerraform(this._maxLists),
      max_password_length: cdktn.numberToTerraform(this._maxPasswordLength),
      max_user_quota: cdktn.numberToTerraform(this._maxUserQuota),
      max_users: cdktn.numberToTerraform(this._maxUsers),
      min_password_length: cdktn.numberToTerraform(this._minPasswordLength),
      name: cdktn.stringToTerraform(this._name),
      outbound_relay: cdktn.stringToTerraform(this._outboundRelay),
      primary_mx: cdktn.stringToTerraform(this._primaryMx),
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
      backup_mx: {
        value: cdktn.booleanToHclTerraform(this._backupMx),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      catchall: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._catchall),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      default_quota: {
        value: cdktn.numberToHclTerraform(this._defaultQuota),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      disabled_domain_profiles: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._disabledDomainProfiles),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      disabled_user_preferences: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._disabledUserPreferences),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      disabled_user_profiles: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._disabledUserProfiles),
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
      max_aliases: {
        value: cdktn.numberToHclTerraform(this._maxAliases),
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
      max_password_length: {
        value: cdktn.numberToHclTerraform(this._maxPasswordLength),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_user_quota: {
        value: cdktn.numberToHclTerraform(this._maxUserQuota),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      max_users: {
        value: cdktn.numberToHclTerraform(this._maxUsers),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      min_password_length: {
        value: cdktn.numberToHclTerraform(this._minPasswordLength),
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
      outbound_relay: {
        value: cdktn.stringToHclTerraform(this._outboundRelay),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      primary_mx: {
        value: cdktn.stringToHclTerraform(this._primaryMx),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
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
