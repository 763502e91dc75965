import { NewMessage } from '../db/types';
import { OutboundEmail } from './types';

/** The `messages` row of an email: sender, recipients joined, the email as JSON. */
export function toNewMessage(email: OutboundEmail): NewMessage {
  return {
    tenantId: email.tenantId,
    sender: email.from,
    recipient: email.to.join(', '),
    subject: email.subject,
    payload: JSON.stringify(email),
  };
}

/** The email of a `messages` row; rows of older versions have no payload. */
export function emailOfRow(row: {
  tenantId: string;
  sender?: string;
  recipient: string;
  subject?: string;
  payload?: string;
}): OutboundEmail {
  if (row.payload) {
    return JSON.parse(row.payload) as OutboundEmail;
  }
  return {
    tenantId: row.tenantId,
    from: row.sender ?? '',
    to: row.recipient.split(', '),
    subject: row.subject ?? '',
    text: '',
  };
}
