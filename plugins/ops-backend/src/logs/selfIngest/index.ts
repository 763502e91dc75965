export { opsSelfLogSinkServiceRef } from './selfLogSinkServiceRef';
export { SelfLogSink, type SelfLogSinkOptions } from './SelfLogSink';
