import { parseEntityRef } from '@backstage/catalog-model';
import {
  HealthStatus,
  TargetSummary,
} from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_ORDER } from '../healthFormat';

/** Filters of the fleet grid; empty values mean "all". */
export interface FleetFilters {
  statuses: HealthStatus[];
  owner: string;
  system: string;
  search: string;
}

export const EMPTY_FLEET_FILTERS: FleetFilters = {
  statuses: [],
  owner: '',
  system: '',
  search: '',
};

export function hasActiveFilters(filters: FleetFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    Boolean(filters.owner) ||
    Boolean(filters.system) ||
    Boolean(filters.search.trim())
  );
}

function entityName(entityRef: string): string {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/** Targets matching the filters, worst status first, then by title. */
export function filterTargets(
  targets: TargetSummary[],
  filters: FleetFilters,
): TargetSummary[] {
  const search = filters.search.trim().toLocaleLowerCase('en-US');
  return targets
    .filter(target => {
      if (
        filters.statuses.length > 0 &&
        !filters.statuses.includes(target.status)
      ) {
        return false;
      }
      if (filters.owner && target.owner !== filters.owner) {
        return false;
      }
      if (filters.system && target.system !== filters.system) {
        return false;
      }
      if (search) {
        const haystack = [
          target.title,
          entityName(target.entityRef),
          target.entityRef,
        ]
          .join('\n')
          .toLocaleLowerCase('en-US');
        if (!haystack.includes(search)) {
          return false;
        }
      }
      return true;
    })
    .sort(compareTargets);
}

function statusRank(status: HealthStatus): number {
  const rank = HEALTH_STATUS_ORDER.indexOf(status);
  return rank === -1 ? HEALTH_STATUS_ORDER.length : rank;
}

function compareTargets(a: TargetSummary, b: TargetSummary): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    a.title.localeCompare(b.title, 'en-US')
  );
}

/** How many targets have each status (every status present, 0 when none). */
export function countByStatus(
  targets: TargetSummary[],
): Record<HealthStatus, number> {
  const counts = Object.fromEntries(
    HEALTH_STATUS_ORDER.map(status => [status, 0]),
  ) as Record<HealthStatus, number>;
  for (const target of targets) {
    counts[target.status] = (counts[target.status] ?? 0) + 1;
  }
  return counts;
}

/** Distinct non-empty values of a field, sorted, for a filter's options. */
export function distinctValues(
  targets: TargetSummary[],
  field: 'owner' | 'system',
): string[] {
  const values = new Set<string>();
  for (const target of targets) {
    const value = target[field];
    if (value) {
      values.add(value);
    }
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'en-US'));
}
