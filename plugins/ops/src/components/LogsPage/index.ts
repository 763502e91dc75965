export { LogsPage } from './LogsPage';
