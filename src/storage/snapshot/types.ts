import type { DataQualityWarning, FieldConcept, WorkItem } from '../../domain';

/** One issue as the snapshot keeps it: mapped once when read, with the warnings its fields raised. */
export interface SnapshotIssue {
  /** Jira's numeric issue id, as a string. */
  id: string;
  projectId: string;
  item: WorkItem;
  warnings: DataQualityWarning[];
  /** The issue has an issue security level: each viewer's right to see it is checked issue by issue. */
  restricted?: true;
}

export interface SnapshotProject {
  id: string;
  key: string;
  name: string;
}

/**
 * The snapshot's one entry point, in KVS; its issues are rows in Forge SQL (snapshotRows.ts). A change writes rows
 * of the next version and then a new head, so every head a reader sees names a complete, consistent set.
 */
export interface SnapshotHead {
  schema: 2;
  buildId: string;
  /** When the full build that started this snapshot began. */
  builtAt: string;
  /** Every change Jira made before this moment is in the snapshot (the reconcile searches from here). */
  syncedAt: string;
  /** When this head was written: the last time any change was applied. */
  updatedAt?: string;
  /** The field mapping the issues were mapped with; another mapping needs a new build. */
  mappingFingerprint: string;
  fieldIds: Partial<Record<FieldConcept, string>>;
  fieldWarnings: DataQualityWarning[];
  projects: SnapshotProject[];
  /** The rows of this head: those of `buildId` visible at this version. */
  version: number;
  issueCount: number;
}
