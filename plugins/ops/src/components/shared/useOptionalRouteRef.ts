import {
  AnyParams,
  RouteFunc,
  SubRouteRef,
  useRouteRef,
} from '@backstage/core-plugin-api';

/**
 * A link to an Ops Console page, or undefined when the app does not mount the
 * Ops Console (e.g. a legacy app that only shows the entity tabs). Callers then
 * show plain text instead of a link.
 */
export function useOptionalRouteRef<Params extends AnyParams>(
  routeRef: SubRouteRef<Params>,
): RouteFunc<Params> | undefined {
  try {
    // useRouteRef calls all of its hooks before it throws for an unmounted route
    return useRouteRef(routeRef);
  } catch {
    return undefined;
  }
}
