// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface MaillistConfig extends cdktn.TerraformMetaArguments {
  /**
  * Who may post to the list: `public` (anyone), `domain` (senders of the same domain), `subdomain` (the domain and its subdomains), `membersonly`, `moderatorsonly` or `membersandmoderatorsonly`. Unset: the server's, `public` for a new list.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#access_policy Maillist#access_policy}
  */
  readonly accessPolicy?: string;
  /**
  * `active` (default) or `disabled` (the list accepts no mail). Sent with every change: the API re-enables a list when a change leaves it out.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#account_status Maillist#account_status}
  */
  readonly accountStatus?: string;
  /**
  * The list address, e.g. `news@example.com`; its domain must exist. Changing it replaces the list (the API has no rename for lists).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#email Maillist#email}
  */
  readonly email: string;
  /**
  * A newsletter: a one-way list that people can subscribe to through a web page. Default `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#is_newsletter Maillist#is_newsletter}
  */
  readonly isNewsletter?: boolean | cdktn.IResolvable;
  /**
  * When the list is destroyed, keep its mail archive on the server. Unset or `false`: the archive goes with the list, so nothing is left behind.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#keep_archive Maillist#keep_archive}
  */
  readonly keepArchive?: boolean | cdktn.IResolvable;
  /**
  * Largest message the list accepts, in bytes; 0 = no limit (default).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#max_message_size Maillist#max_message_size}
  */
  readonly maxMessageSize?: number;
  /**
  * Subscribers: the addresses that receive the list's mail (subscribed without a confirmation mail, normal delivery); `[]` for none. Unset: whatever the server has.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#members Maillist#members}
  */
  readonly members?: string[];
  /**
  * Moderators: who may post when `access_policy` is `moderatorsonly` or `membersandmoderatorsonly`, and who approves moderated mail; `[]` for none. Unset: whatever the server has (a new list gets the domain's `postmaster@`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#moderators Maillist#moderators}
  */
  readonly moderators?: string[];
  /**
  * Display name, e.g. `Company news`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#name Maillist#name}
  */
  readonly name?: string;
  /**
  * Text shown on the newsletter's subscription page (at most 10,000 characters).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#newsletter_description Maillist#newsletter_description}
  */
  readonly newsletterDescription?: string;
  /**
  * Owners of the list (they receive its administrative mail); `[]` for none. Unset: whatever the server has (a new list gets the domain's `postmaster@`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#owners Maillist#owners}
  */
  readonly owners?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist iredadmin_maillist}
*/
export class Maillist extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_maillist";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Maillist resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Maillist to import
  * @param importFromId The id of the existing Maillist that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Maillist to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_maillist", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/maillist iredadmin_maillist} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options MaillistConfig
  */
  public constructor(scope: Construct, id: string, config: MaillistConfig) {
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
    this._accessPolicy = config.accessPolicy;
    this._accountStatus = config.accountStatus;
    this._email = config.email;
    this._isNewsletter = config.isNewsletter;
    this._keepArchive = config.keepArchive;
    this._maxMessageSize = config.maxMessageSize;
    this._members = config.members;
    this._moderators = config.moderators;
    this._name = config.name;
    this._newsletterDescription = config.newsletterDescription;
    this._owners = config.owners;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // access_policy - computed: true, optional: true, required: false
  private _accessPolicy?: string; 
  public get accessPolicy() {
    return this.getStringAttribute('access_policy');
  }
  public set accessPolicy(value: string) {
    this._accessPolicy = value;
  }
  public resetAccessPolicy() {
    this._accessPolicy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessPolicyInput() {
    return this._accessPolicy;
  }

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

  // is_newsletter - computed: true, optional: true, required: false
  private _isNewsletter?: boolean | cdktn.IResolvable; 
  public get isNewsletter() {
    return this.getBooleanAttribute('is_newsletter');
  }
  public set isNewsletter(value: boolean | cdktn.IResolvable) {
    this._isNewsletter = value;
  }
  public resetIsNewsletter() {
    this._isNewsletter = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isNewsletterInput() {
    return this._isNewsletter;
  }

  // keep_archive - computed: false, optional: true, required: false
  private _keepArchive?: boolean | cdktn.IResolvable; 
  public get keepArchive() {
    return this.getBooleanAttribute('keep_archive');
  }
  public set keepArchive(value: boolean | cdktn.IResolvable) {
    this._keepArchive = value;
  }
  public resetKeepArchive() {
    this._keepArchive = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keepArchiveInput() {
    return this._keepArchive;
  }

  // max_message_size - computed: true, optional: true, required: false
  private _maxMessageSize?: number; 
  public get maxMessageSize() {
    return this.getNumberAttribute('max_message_size');
  }
  public set maxMessageSize(value: number) {
    this._maxMessageSize = value;
  }
  public resetMaxMessageSize() {
    this._maxMessageSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxMessageSizeInput() {
    return this._maxMessageSize;
  }

  // members - computed: true, optional: true, required: false
  private _members?: string[]; 
  public get members() {
    return cdktn.Fn.tolist(this.getListAttribute('members'));
  }
  public set members(value: string[]) {
    this._members = value;
  }
  public resetMembers() {
    this._members = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get membersInput() {
    return this._members;
  }

  // moderators - computed: true, optional: true, required: false
  private _moderators?: string[]; 
  public get moderators() {
    return cdktn.Fn.tolist(this.getListAttribute('moderators'));
  }
  public set moderators(value: string[]) {
    this._moderators = value;
  }
  public resetModerators() {
    this._moderators = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get moderatorsInput() {
    return this._moderators;
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

  // newsletter_description - computed: true, optional: true, required: false
  private _newsletterDescription?: string; 
  public get newsletterDescription() {
    return this.getStringAttribute('newsletter_description');
  }
  public set newsletterDescription(value: string) {
    this._newsletterDescription = value;
  }
  public resetNewsletterDescription() {
    this._newsletterDescription = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get newsletterDescriptionInput() {
    return this._newsletterDescription;
  }

  // owners - computed: true, optional: true, required: false
  private _owners?: string[]; 
  public get owners() {
    return cdktn.Fn.tolist(this.getListAttribute('owners'));
  }
  public set owners(value: string[]) {
    this._owners = value;
  }
  public resetOwners() {
    this._owners = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ownersInput() {
    return this._owners;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      access_policy: cdktn.stringToTerraform(this._accessPolicy),
      account_status: cdktn.stringToTerraform(this._accountStatus),
      email: cdktn.stringToTerraform(this._email),
      is_newsletter: cdktn.booleanToTerraform(this._isNewsletter),
      keep_archive: cdktn.booleanToTerraform(this._keepArchive),
      max_message_size: cdktn.numberToTerraform(this._maxMessageSize),
      members: cdktn.listMapper(cdktn.stringToTerraform, false)(this._members),
      moderators: cdktn.listMapper(cdktn.stringToTerraform, false)(this._moderators),
      name: cdktn.stringToTerraform(this._name),
      newsletter_description: cdktn.stringToTerraform(this._newsletterDescription),
      owners: cdktn.listMapper(cdktn.stringToTerraform, false)(this._owners),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      access_policy: {
        value: cdktn.stringToHclTerraform(this._accessPolicy),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
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
      is_newsletter: {
        value: cdktn.booleanToHclTerraform(this._isNewsletter),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      keep_archive: {
        value: cdktn.booleanToHclTerraform(this._keepArchive),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      max_message_size: {
        value: cdktn.numberToHclTerraform(this._maxMessageSize),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      members: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._members),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      moderators: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._moderators),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      newsletter_description: {
        value: cdktn.stringToHclTerraform(this._newsletterDescription),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      owners: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._owners),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
