import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';
import { useCallback } from 'react';
import { useResource } from '../../hooks/useResource';
import { fetchTransitions } from '../../services/invokes';
import { useEditRefresh, useEdits } from './editsContext';

/**
 * The transitions Jira offers the viewer from the issue's status. One whose screen requires fields is listed but
 * refused, with the fields' names: the app sets no fields on a transition.
 */
export function TransitionMenu({ issueKey }: { issueKey: string }) {
  const edits = useEdits();
  const load = useCallback(() => fetchTransitions(issueKey), [issueKey]);
  const offered = useResource(load, useEditRefresh());
  if (offered.state === 'loading') return <span data-testid="transition-status">Status: reading…</span>;
  if (offered.state === 'error') return <span data-testid="transition-status">Status could not be read: {offered.message}</span>;
  const { status, transitions } = offered.data;
  return (
    <div data-testid="transition-status" data-status={status}>
      <DropdownMenu trigger={`Status: ${status}`} testId="transition-menu" label={`Change the status of ${issueKey}`} shouldRenderToParent>
        <DropdownItemGroup title="Move to">
          {transitions.length === 0 && <DropdownItem isDisabled>Jira offers you no transition from here</DropdownItem>}
          {transitions.map((t) => {
            const needs = t.requiredFields.map((f) => f.name).join(', ');
            return (
              <DropdownItem
                key={t.id}
                testId={`transition-${t.toStatus}`}
                isDisabled={needs !== ''}
                description={needs ? `Asks for ${needs}: make this transition in Jira` : undefined}
                onClick={() => void edits.transition(issueKey, t, status)}
              >
                {t.name === t.toStatus ? t.toStatus : `${t.name} → ${t.toStatus}`}
              </DropdownItem>
            );
          })}
        </DropdownItemGroup>
      </DropdownMenu>
    </div>
  );
}
