export { PauseTenantDialog } from './PauseTenantDialog';
export type { PauseTenantDialogProps } from './PauseTenantDialog';
