/**
 * An API failure: answered as `{"_success": false, "_msg": code}`. Codes are iRedAdmin-Pro's
 * where the real product has one (see README, "Error codes"); ours follow their style.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    /** HTTP status. iRedAdmin-Pro answers failures with 200; we keep that except where noted. */
    readonly status = 200,
  ) {
    super(code);
    this.name = 'ApiFailure';
  }
}
