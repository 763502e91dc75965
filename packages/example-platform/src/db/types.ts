/** @public */
export type TenantTier = 'free' | 'pro' | 'enterprise';
/** @public */
export type TenantStatus = 'active' | 'trial' | 'suspended';
/** @public */
export type UserRole = 'owner' | 'admin' | 'member';
/** @public */
export type UserStatus = 'active' | 'invited' | 'disabled';
/** @public */
export type MessageStatus = 'queued' | 'sent' | 'bounced' | 'complained';

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

/** A message to enqueue. */
export interface NewMessage {
  tenantId: string;
  sender: string;
  recipient: string;
  subject: string;
}

/** Counts of messages by status. @public */
export type MessageCounts = Record<MessageStatus, number>;

/** Outcome of delivering one message. */
export type DeliveryOutcome = Exclude<MessageStatus, 'queued'>;

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
