/** @public */
export type TenantTier = 'free' | 'pro' | 'enterprise';
/** @public */
export type TenantStatus = 'active' | 'trial' | 'suspended';
/** @public */
export type UserRole = 'owner' | 'admin' | 'member';
/** @public */
export type UserStatus = 'active' | 'invited' | 'disabled';
/** @public */
export type MessageStatus =
  | 'queued'
  | 'sent'
  | 'bounced'
  | 'complained'
  | 'failed';

/** A tenant row. @public */
export interface Tenant {
  id: string;
  name: string;
  tier: TenantTier;
  region: string;
  status: TenantStatus;
  adminEmail: string;
  createdAt: string;
}

/** A user row. @public */
export interface User {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: UserRole;
  status: UserStatus;
  lastLoginAt: string | null;
}

/** A message to enqueue (one row of the `messages` table). */
export interface NewMessage {
  tenantId: string;
  sender: string;
  recipient: string;
  subject: string;
  /** The job data as JSON (an `OutboundEmail`). */
  payload?: string;
}

/** Counts of messages by status. @public */
export type MessageCounts = Record<MessageStatus, number>;

/** Outcome of a delivery the recipient's server answered. */
export type DeliveryOutcome = 'sent' | 'bounced' | 'complained';

/** A delivery that could not be attempted (the job fails). */
export interface DeliveryFailure {
  failedReason: string;
}

/** What the worker decides for one message. */
export type DeliveryResult = DeliveryOutcome | DeliveryFailure;

/** A login attempt to record. */
export interface NewLogin {
  userId: string;
  success: boolean;
  ip: string;
  userAgent?: string;
  /** ISO 3166-1 alpha-2 country of the IP address. */
  country?: string;
  /** Default: now. */
  at?: Date;
}
