export { tenantEntityV1alpha1Validator } from './tenantEntityV1alpha1Validator';
