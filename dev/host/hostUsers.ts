/** A person the frame's user switcher can act as. */
export interface HostUser {
  accountId: string;
  displayName: string;
  /** Shown in the switcher, e.g. "Jira admin" or "no access to HR, OPS". */
  note: string;
}

export interface HostProject {
  key: string;
  id: string;
  name: string;
}
