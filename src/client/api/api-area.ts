/** What every API area (users, aliases, domains, …) holds: the caller that sends its requests. */
import type { ApiCaller } from '../api-caller';

export abstract class ApiArea {
  constructor(protected readonly caller: ApiCaller) {}
}
