/** `sender_bcc` and `recipient_bcc` of users and domains: one address each, `""` for none. */
import { attributesFor, type AttributeSpec } from '../framework';
import { canonicalEmail, emailOrEmpty } from './validators';

/** How the API's object answers its two bcc addresses. */
export interface BccReads<Data> {
  readonly sender: (data: Data) => string | null | undefined;
  readonly recipient: (data: Data) => string | null | undefined;
}

/** `what`: whose mail, e.g. `{ sender: 'the user sends', recipient: 'the user receives' }`. */
export function bccPair<Data>(
  read: BccReads<Data>,
  what: { readonly sender: string; readonly recipient: string },
): { sender_bcc: AttributeSpec<'string', Data>; recipient_bcc: AttributeSpec<'string', Data> } {
  const a = attributesFor<Data>();
  const bcc = (side: 'sender' | 'recipient', param: string, mailbox: string) =>
    a.string({
      samples: [(c) => `${mailbox}@${c.domain}`, (c) => `${mailbox}2@${c.domain}`],
      optional: true,
      param,
      validators: [emailOrEmpty],
      normalize: (v) => (v ? canonicalEmail(v) : v),
      read: (d) => read[side](d) ?? '',
      description: `Address that gets a copy of every mail ${what[side]}; \`""\` for none.`,
      errorCodes: [side === 'sender' ? 'INVALID_SENDER_BCC' : 'INVALID_RECIPIENT_BCC'],
    });
  return {
    sender_bcc: bcc('sender', 'senderBcc', 'audit'),
    recipient_bcc: bcc('recipient', 'recipientBcc', 'archive'),
  };
}
