// The two settings that switch results in config files on and off while VS Code runs: no server restart, the
// client just stops asking (and VS Code is told to ask again, see providerRefresh.ts).

export const inlayHintsSetting = 'ideTracker.inlayHints.enabled';
export const codeLensSetting = 'ideTracker.codeLens.enabled';

export interface ConfigSwitches {
  readonly inlayHints: boolean;
  readonly codeLens: boolean;
}

/** Both default to on; a value that is not a boolean (a hand-edited settings.json) counts as the default. */
export function readConfigSwitches(get: (setting: string) => unknown): ConfigSwitches {
  const flag = (setting: string) => {
    const value = get(setting);
    return typeof value === 'boolean' ? value : true;
  };
  return { inlayHints: flag(inlayHintsSetting), codeLens: flag(codeLensSetting) };
}
