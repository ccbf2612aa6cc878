// https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ThrottleConfig extends cdktn.TerraformMetaArguments {
  /**
  * `inbound` (mail received by the target) or `outbound` (mail sent by it). Changing it replaces the throttle.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#direction Throttle#direction}
  */
  readonly direction: string;
  /**
  * Most messages per `period`. Default `0`; `0` = unlimited, `-1` = inherit the limit of the lower-priority throttle (user → domain → global), as iRedAPD defines them. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#max_msgs Throttle#max_msgs}
  */
  readonly maxMsgs?: number;
  /**
  * Most bytes of mail (all messages together) per `period`. Default `0`; `0` = unlimited, `-1` = inherit the limit of the lower-priority throttle (user → domain → global), as iRedAPD defines them. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#max_quota Throttle#max_quota}
  */
  readonly maxQuota?: number;
  /**
  * Most recipients per `period`, outbound only (iRedAPD ≥ 5.0; not in the published API, so a server that does not know it ignores it). Unset: left as the server has it; `0` = unlimited, `-1` = inherit the limit of the lower-priority throttle (user → domain → global), as iRedAPD defines them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#max_rcpts Throttle#max_rcpts}
  */
  readonly maxRcpts?: number;
  /**
  * Largest single message, in bytes. Default `0`; `0` = unlimited, `-1` = inherit the limit of the lower-priority throttle (user → domain → global), as iRedAPD defines them. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#msg_size Throttle#msg_size}
  */
  readonly msgSize?: number;
  /**
  * Length of the counting window, in seconds, e.g. `3600` for one hour.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#period Throttle#period}
  */
  readonly period: number;
  /**
  * Whom the throttle applies to: `global` (every account), a domain name (`example.com`) or an email address (`user@example.com`). iRedAPD applies the user throttle first, then the domain one, then the global one. Changing it replaces the throttle.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#target Throttle#target}
  */
  readonly target: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle iredadmin_throttle}
*/
export class Throttle extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "iredadmin_throttle";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Throttle resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Throttle to import
  * @param importFromId The id of the existing Throttle that should be imported. Refer to the {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Throttle to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "iredadmin_throttle", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/iredadmin/iredadmin/0.1.0/docs/resources/throttle iredadmin_throttle} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ThrottleConfig
  */
  public constructor(scope: Construct, id: string, config: ThrottleConfig) {
    super(scope, id, {
      terraformResourceType: 'iredadmin_throttle',
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
    this._direction = config.direction;
    this._maxMsgs = config.maxMsgs;
    this._maxQuota = config.maxQuota;
    this._maxRcpts = config.maxRcpts;
    this._msgSize = config.msgSize;
    this._period = config.period;
    this._target = config.target;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // direction - computed: false, optional: false, required: true
  private _direction?: string; 
  public get direction() {
    return this.getStringAttribute('direction');
  }
  public set direction(value: string) {
    this._direction = value;
  }
  // Temporarily expose input value. Use with caution.
  public get directionInput() {
    return this._direction;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // max_msgs - computed: true, optional: true, required: false
  private _maxMsgs?: number; 
  public get maxMsgs() {
    return this.getNumberAttribute('max_msgs');
  }
  public set maxMsgs(value: number) {
    this._maxMsgs = value;
  }
  public resetMaxMsgs() {
    this._maxMsgs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxMsgsInput() {
    return this._maxMsgs;
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

  // max_rcpts - computed: true, optional: true, required: false
  private _maxRcpts?: number; 
  public get maxRcpts() {
    return this.getNumberAttribute('max_rcpts');
  }
  public set maxRcpts(value: number) {
    this._maxRcpts = value;
  }
  public resetMaxRcpts() {
    this._maxRcpts = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxRcptsInput() {
    return this._maxRcpts;
  }

  // msg_size - computed: true, optional: true, required: false
  private _msgSize?: number; 
  public get msgSize() {
    return this.getNumberAttribute('msg_size');
  }
  public set msgSize(value: number) {
    this._msgSize = value;
  }
  public resetMsgSize() {
    this._msgSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get msgSizeInput() {
    return this._msgSize;
  }

  // period - computed: false, optional: false, required: true
  private _period?: number; 
  public get period() {
    return this.getNumberAttribute('period');
  }
  public set period(value: number) {
    this._period = value;
  }
  // Temporarily expose input value. Use with caution.
  public get periodInput() {
    return this._period;
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
      direction: cdktn.stringToTerraform(this._direction),
      max_msgs: cdktn.numberToTerraform(this._maxMsgs),
      max_quota: cdktn.numberToTerraform(this._maxQuota),
      max_rcpts: cdktn.numberToTerraform(this._maxRcpts),
      msg_size: cdktn.numberToTerraform(this._msgSize),
      period: cdktn.numberToTerraform(this._period),
      target: cdktn.stringToTerraform(this._target),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      direction: {
        value: cdktn.stringToHclTerraform(this._direction),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      max_msgs: {
        value: cdktn.numberToHclTerraform(this._maxMsgs),
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
      max_rcpts: {
        value: cdktn.numberToHclTerraform(this._maxRcpts),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      msg_size: {
        value: cdktn.numberToHclTerraform(this._msgSize),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      period: {
        value: cdktn.numberToHclTerraform(this._period),
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
