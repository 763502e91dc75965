export { NotifyTenantDialog } from './NotifyTenantDialog';
export type { NotifyTenantDialogProps } from './NotifyTenantDialog';
