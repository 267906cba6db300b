import { createContext, useContext } from 'react';
import type { CreateIssueRequestDto, DataSourceDto, EditCapabilitiesDto, FieldChangeRequestDto, TransitionOptionDto } from '../../../../src/contract';

export type Capability = keyof EditCapabilitiesDto;

/** What a panel may ask of the page's edits; the same object for the page's life, so memoised rows stay put. */
export interface EditsApi {
  /** Whether the viewer may do this to the issue's project in Jira (false while not known). */
  may: (issueKey: string | null | undefined, what: Capability) => boolean;
  /** Writes the changes one after another, then tells the user (with Undo); true when all were written. */
  change: (what: string, changes: FieldChangeRequestDto[]) => Promise<boolean>;
  /** Moves the issue through one of its transitions, then tells the user (with Undo); true when it moved. */
  transition: (issueKey: string, transition: TransitionOptionDto, expectedStatus: string) => Promise<boolean>;
  /** Whether the viewer may create issues in any project (false while not known). */
  mayCreateSomewhere: () => boolean;
  /** Creates an issue under a box, then tells the user (with Undo, which deletes it); the new key, or null. */
  create: (request: CreateIssueRequestDto) => Promise<string | null>;
  /** Where the page's figures came from, each time they are read: after a write, the panels follow the snapshot. */
  sourceRead: (source: DataSourceDto) => void;
}

const NO_EDITS: EditsApi = {
  may: () => false,
  change: () => Promise.resolve(false),
  transition: () => Promise.resolve(false),
  mayCreateSomewhere: () => false,
  create: () => Promise.resolve(null),
  sourceRead: () => undefined,
};

export const EditsContext = createContext<EditsApi>(NO_EDITS);
/** Counts the writes made from the page: panels read Jira again whenever it changes. */
export const EditRefreshContext = createContext(0);

export const useEdits = (): EditsApi => useContext(EditsContext);
export const useEditRefresh = (): number => useContext(EditRefreshContext);

/** The Jira project of an issue key ("PAY-12" → "PAY"). */
export const projectOfKey = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));
