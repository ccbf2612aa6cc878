/** Who works at Example Inc.: the typed list the stack creates mailboxes from. */
export type Team = 'management' | 'sales' | 'engineering';

export interface Person {
  /** The part before `@`; also the key of this person's password in `user_passwords`. */
  readonly login: string;
  readonly name: string;
  readonly team: Team;
  /** Mailbox quota in MB. */
  readonly quotaMb: number;
  /** Extra addresses delivering to this person (local parts). */
  readonly aliases?: readonly string[];
  /** Forward a copy of all mail to these outside addresses (the mailbox keeps one too). */
  readonly forwardTo?: readonly string[];
  /** Outbound limit in messages per hour, tighter than the domain's. */
  readonly maxMessagesPerHour?: number;
}

export const PEOPLE: readonly Person[] = [
  { login: 'jane', name: 'Jane Doe', team: 'management', quotaMb: 2048, aliases: ['ceo'] },
  {
    login: 'john',
    name: 'John Roe',
    team: 'sales',
    quotaMb: 1024,
    forwardTo: ['john.roe@partner.example'],
    maxMessagesPerHour: 200,
  },
  { login: 'mia', name: 'Mia Chen', team: 'sales', quotaMb: 1024, maxMessagesPerHour: 200 },
  { login: 'ada', name: 'Ada Byron', team: 'engineering', quotaMb: 1024, aliases: ['ops'] },
];
