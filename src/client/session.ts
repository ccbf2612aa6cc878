/**
 * Login state shared by every call of a client. Logging in is single-flight: however many calls
 * find the session missing or expired at once, one `POST /api/login` runs and they all wait for it.
 * A generation number tells a call whether the session it used has already been replaced, so a
 * burst of `LOGIN_REQUIRED` answers to requests sent with the same stale cookie causes one re-login.
 */
export class Session {
  readonly #login: () => Promise<void>;
  #generation = 0;
  #valid = false;
  #pending: Promise<void> | undefined;

  constructor(login: () => Promise<void>) {
    this.#login = login;
  }

  /** Increases with every successful login; a request remembers the one it was sent under. */
  get generation(): number {
    return this.#generation;
  }

  /** Resolves once a session exists (logging in if none does yet). */
  async ensure(): Promise<void> {
    if (this.#valid) return;
    await this.#start();
  }

  /** The server refused the session of `staleGeneration`: log in again unless someone already did. */
  async renew(staleGeneration: number): Promise<void> {
    if (this.#valid && this.#generation !== staleGeneration) return;
    // Calls starting now must wait for the new session instead of sending the dead cookie.
    this.#valid = false;
    await this.#start();
  }

  #start(): Promise<void> {
    this.#pending ??= this.#login()
      .then(() => {
        this.#generation += 1;
        this.#valid = true;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }
}
