import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage, Fieldset } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { BoxTypeDto } from '../../../../src/contract';
import { useEditor } from './editorContext';
import { PANEL_LABELS, PANELS } from './labels';
import { problemsAt } from './problemPaths';

/** The panels the type's boxes show. Each checkbox sits in an element with the test id `box-type-toolset-<id>-<panel>`. */
export function ToolsetChecks({ type }: { type: BoxTypeDto }) {
  const { dispatch, readOnly, problems } = useEditor();
  const messages = problemsAt(problems, `boxType:${type.id}:toolset`);
  return (
    <Fieldset legend="Toolset: the panels its boxes show">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
        {PANELS.map((panel) => {
          const on = type.toolset.includes(panel);
          const testId = `box-type-toolset-${type.id}-${panel}`;
          return (
            <span key={panel} data-testid={testId} data-checked={on}>
              <Checkbox
                id={testId}
                testId={testId}
                label={PANEL_LABELS[panel]}
                isChecked={on}
                isDisabled={readOnly}
                onChange={(e) => dispatch({ type: 'setToolsetPanel', id: type.id, panel, on: e.currentTarget.checked })}
              />
            </span>
          );
        })}
      </div>
      {messages.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </Fieldset>
  );
}
