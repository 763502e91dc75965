export { QueuesPage } from './QueuesPage';
