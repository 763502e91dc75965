export { OpsPage } from './OpsPage';
