/**
 * Annotation on a catalog entity naming its health endpoint
 * (`application/health+json`, draft-inadarei-api-health-check, or any HTTP URL).
 * @public
 */
export const OPS_HEALTH_URL_ANNOTATION = 'opsconsole.io/health-url';

/**
 * Annotation on a catalog entity naming the `service` its log records carry
 * (the OpenTelemetry `service.name`); the entity's Logs tab shows
 * `service:<value>`, and the entity name when the annotation is absent.
 * @public
 */
export const OPS_LOG_SERVICE_ANNOTATION = 'opsconsole.io/log-service';
