export { InfrastructurePage } from './InfrastructurePage';
