/**
 * Annotation on a catalog entity naming its health endpoint
 * (`application/health+json`, draft-inadarei-api-health-check, or any HTTP URL).
 * @public
 */
export const OPS_HEALTH_URL_ANNOTATION = 'opsconsole.io/health-url';
