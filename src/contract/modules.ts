/** The Forge module keys of manifest.yml, which resolvers check callers against. */
export const MODULE_KEYS = {
  globalPage: 'transformation-office-global',
  projectPage: 'transformation-office-project',
  settingsPage: 'transformation-office-settings',
} as const;
