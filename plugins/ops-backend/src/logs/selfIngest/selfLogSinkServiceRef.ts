import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { SelfLogSink } from './SelfLogSink';

/**
 * The backend's own log lines on their way into the ops log store (config
 * `ops.logs.selfIngest`). A root service, so that a custom `rootLogger` factory can add
 * its transport; the ops plugin drains it. Without such a root logger nothing feeds it.
 * @public
 */
export const opsSelfLogSinkServiceRef = createServiceRef<SelfLogSink>({
  id: 'ops.self-log-sink',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => SelfLogSink.fromConfig(config),
    }),
});
