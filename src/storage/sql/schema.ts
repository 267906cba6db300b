import { migrationRunner } from '@forge/sql';
import { currentInstallationId } from '../../jira/invocationTime';

/**
 * The app's Forge SQL schema, one statement per migration (Forge SQL runs one statement a request, and has no foreign
 * keys). A migration's name is its identity: never edit one that has shipped; add the next.
 */
export const MIGRATIONS: ReadonlyArray<{ name: string; statement: string }> = [
  {
    // The snapshot's issues, versioned so a reader paging through one head never sees a later change half applied:
    // a row is visible at head version V when version <= V and it was not replaced at or before V.
    name: 'v001_snapshot_issue',
    statement: `CREATE TABLE IF NOT EXISTS snapshot_issue (
      build_id VARCHAR(40) NOT NULL,
      issue_id BIGINT NOT NULL,
      version INT NOT NULL,
      replaced_at INT NULL,
      replaced_ms BIGINT NULL,
      project_id VARCHAR(32) NOT NULL,
      restricted TINYINT NOT NULL,
      issue_key VARCHAR(64) NOT NULL,
      project_key VARCHAR(64) NOT NULL,
      parent_key VARCHAR(64) NULL,
      doc MEDIUMTEXT NOT NULL,
      PRIMARY KEY (build_id, issue_id, version),
      INDEX by_project (build_id, project_id, issue_id)
    )`,
  },
  {
    // The changelog the reports read (status and the fields they follow), per issue of a build: a report reads these
    // rows instead of every issue's changelog from Jira. Rows only ever grow; a reader keeps the changes up to its
    // head's moment, so a sync writing newer ones never mixes into an older head.
    name: 'v002_snapshot_history',
    statement: `CREATE TABLE IF NOT EXISTS snapshot_history (
      build_id VARCHAR(40) NOT NULL,
      issue_id BIGINT NOT NULL,
      change_id VARCHAR(80) NOT NULL,
      at_ms BIGINT NOT NULL,
      at_text VARCHAR(40) NOT NULL,
      field_id VARCHAR(64) NOT NULL,
      from_text TEXT NULL,
      to_text TEXT NULL,
      PRIMARY KEY (build_id, issue_id, change_id)
    )`,
  },
  {
    // Each page's top row as the app sees the whole snapshot, computed once per head after it changes: a viewer who
    // may see every issue reads one row instead of every issue. Keyed by a figures id, so a reader of the previous
    // figures is not disturbed while the next ones are written.
    name: 'v003_page_figures',
    statement: `CREATE TABLE IF NOT EXISTS page_figures (
      figures_id VARCHAR(40) NOT NULL,
      scope_key VARCHAR(80) NOT NULL,
      summary MEDIUMTEXT NOT NULL,
      PRIMARY KEY (figures_id, scope_key)
    )`,
  },
  {
    // One row per box that is a schedule item, numbered in tree order: a scope's Late / on track counts are a sum
    // over the spans of its roots, against the day the page is served.
    name: 'v004_page_figures_box',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_box (
      figures_id VARCHAR(40) NOT NULL,
      box_position INT NOT NULL,
      done TINYINT NOT NULL,
      due_date VARCHAR(10) NULL,
      PRIMARY KEY (figures_id, box_position)
    )`,
  },
  {
    // The backlog's rows as the page figures keep them: one per work item, with what the filters compare, where it
    // sits (its box's tree position, its project) and a rank per sortable column, so a backlog page is one ordered,
    // limited query. Text compared byte for byte: the app lower-cases it exactly as the in-memory search does.
    name: 'v005_page_figures_item',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_item (
      figures_id VARCHAR(40) NOT NULL,
      item_order INT NOT NULL,
      box_position INT NOT NULL,
      project_key VARCHAR(64) NULL,
      is_risk TINYINT NOT NULL,
      is_milestone TINYINT NOT NULL,
      status_category VARCHAR(16) NULL,
      type_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      done TINYINT NOT NULL,
      due_date VARCHAR(10) NULL,
      search_text TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      r_key INT NULL,
      r_summary INT NULL,
      r_type INT NULL,
      r_status INT NULL,
      r_assignee INT NULL,
      r_labels INT NULL,
      r_box INT NULL,
      r_start INT NULL,
      r_due INT NULL,
      r_story_points INT NULL,
      r_risk_band INT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (figures_id, item_order),
      INDEX by_box (figures_id, box_position)
    )`,
  },
  {
    // The whole transformation's roadmap rows as the page figures keep them, in roadmap order: a box's roadmap is the
    // slice of its subtree, and a window is a range of positions less the runs under collapsed rows.
    name: 'v006_page_figures_row',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_row (
      figures_id VARCHAR(40) NOT NULL,
      row_position INT NOT NULL,
      last_below INT NOT NULL,
      parent_position INT NULL,
      depth INT NOT NULL,
      row_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      done TINYINT NOT NULL,
      start_date VARCHAR(10) NULL,
      due_date VARCHAR(10) NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (figures_id, row_position),
      INDEX by_row_id (figures_id, row_id)
    )`,
  },
  {
    name: 'v007_page_figures_milestone',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_milestone (
      figures_id VARCHAR(40) NOT NULL,
      milestone_order INT NOT NULL,
      row_position INT NOT NULL,
      done TINYINT NOT NULL,
      due_date VARCHAR(10) NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (figures_id, milestone_order),
      INDEX by_row (figures_id, row_position)
    )`,
  },
  {
    name: 'v008_page_figures_dependency',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_dependency (
      figures_id VARCHAR(40) NOT NULL,
      dependency_order INT NOT NULL,
      from_position INT NOT NULL,
      to_position INT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (figures_id, dependency_order),
      INDEX by_from (figures_id, from_position),
      INDEX by_to (figures_id, to_position)
    )`,
  },
  {
    // Every page load lists the issues under a security level for its permission check: an index finds the few
    // instead of scanning every row of the build (~0.3 s at 100k issues).
    name: 'v009_snapshot_issue_restricted',
    statement: 'CREATE INDEX by_restricted ON snapshot_issue (build_id, restricted, issue_id)',
  },
  {
    // A scope's larger answers that only some panels read (the backlog's facets, the risk matrix), in chunks: one
    // scope's risks can pass Forge SQL's 1 MiB request, so a document is written a chunk per request.
    name: 'v010_page_figures_doc',
    statement: `CREATE TABLE IF NOT EXISTS page_figures_doc (
      figures_id VARCHAR(40) NOT NULL,
      scope_key VARCHAR(80) NOT NULL,
      part VARCHAR(16) NOT NULL,
      chunk INT NOT NULL,
      text MEDIUMTEXT NOT NULL,
      PRIMARY KEY (figures_id, scope_key, part, chunk)
    )`,
  },
];

/** Installations whose schema this container has brought up to date (a container may serve several). */
const migrated = new Map<string, Promise<void>>();

const installation = (): string => currentInstallationId() ?? 'outside an invocation';

/**
 * Brings the installation's schema up to date, once per function container and installation: a migration check
 * costs two DDL requests, and Forge SQL allows 25 a minute, so it must not run on every request.
 */
export function ensureSchema(): Promise<void> {
  const id = installation();
  let done = migrated.get(id);
  if (!done) {
    for (const { name, statement } of MIGRATIONS) migrationRunner.enqueue(name, statement);
    done = migrationRunner.run().then(
      () => undefined,
      (error: unknown) => {
        migrated.delete(id); // the next call tries again
        throw error;
      },
    );
    migrated.set(id, done);
  }
  return done;
}

/** Forgets which schemas are up to date: for a process that switched databases outside any invocation (tests). */
export function forgetSchemaChecks(): void {
  migrated.clear();
}
