export { EntityOpsContent } from './EntityOpsContent';
