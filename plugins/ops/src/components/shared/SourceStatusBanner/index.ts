export { SourceStatusBanner } from './SourceStatusBanner';
export type { SourceStatusBannerProps } from './SourceStatusBanner';
