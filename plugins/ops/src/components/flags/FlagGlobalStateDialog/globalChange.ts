import { Flag, FlagPatch } from '@opsconsole/backstage-plugin-ops-common';
import { variantLabel } from '../flagFormat';

/** The editable global state of a flag. */
export interface GlobalStateForm {
  killSwitch: boolean;
  /** As typed; a whole or decimal number 0–100 to be valid. */
  rolloutPercentage: string;
  rolloutVariant: string;
}

export function formOf(flag: Flag): GlobalStateForm {
  return {
    killSwitch: flag.killSwitch,
    rolloutPercentage: String(flag.rolloutPercentage),
    rolloutVariant: flag.rolloutVariant ?? '',
  };
}

/** The rollout percentage of the form, or undefined when it is not 0–100. */
export function parsePercentage(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) {
    return undefined;
  }
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : undefined;
}

/** The fields of the form that differ from the flag; empty when nothing changes. */
export function patchOf(flag: Flag, form: GlobalStateForm): FlagPatch {
  const patch: FlagPatch = {};
  if (form.killSwitch !== flag.killSwitch) {
    patch.killSwitch = form.killSwitch;
  }
  const percentage = parsePercentage(form.rolloutPercentage);
  if (percentage !== undefined && percentage !== flag.rolloutPercentage) {
    patch.rolloutPercentage = percentage;
  }
  const variant = form.rolloutVariant || null;
  if (variant !== (flag.rolloutVariant ?? null)) {
    patch.rolloutVariant = variant;
  }
  return patch;
}

/** The changes of a patch in words, e.g. "Kill switch: off → on". */
export function describePatch(flag: Flag, patch: FlagPatch): string[] {
  const lines: string[] = [];
  if (patch.killSwitch !== undefined) {
    lines.push(
      `Kill switch: ${flag.killSwitch ? 'on' : 'off'} → ${
        patch.killSwitch ? 'on' : 'off'
      }`,
    );
  }
  if (patch.rolloutPercentage !== undefined) {
    lines.push(
      `Rollout: ${flag.rolloutPercentage} % → ${patch.rolloutPercentage} %`,
    );
  }
  if (patch.rolloutVariant !== undefined) {
    const label = (variant?: string | null) =>
      variant ? variantLabel(flag, variant) : 'none';
    lines.push(
      `Rollout variant: ${label(flag.rolloutVariant)} → ${label(
        patch.rolloutVariant,
      )}`,
    );
  }
  return lines;
}
