import { ErrorMessage, Label } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
  isInvalid: boolean;
}

interface Props {
  id: string;
  label: string;
  /** The server's problems for this field, shown under it and announced with it. */
  problems?: readonly string[];
  hint?: ReactNode;
  children: (a11y: FieldA11y) => ReactNode;
  width?: number | string;
}

/** A labelled input with its hint and the server's problems under it. */
export function FieldBlock({ id, label, problems = [], hint, children, width }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px'), minWidth: 0, width }}>
      <Label htmlFor={id}>{label}</Label>
      <div>{children({ id, 'aria-describedby': describedBy, isInvalid: problems.length > 0 })}</div>
      {hint && (
        <span id={`${id}-hint`} style={{ color: token('color.text.subtlest', '#626F86'), font: token('font.body.small', '12px') }}>
          {hint}
        </span>
      )}
      {problems.length > 0 && (
        <div id={`${id}-problems`} data-testid={`${id}-problems`}>
          {problems.map((message) => (
            <ErrorMessage key={message}>{message}</ErrorMessage>
          ))}
        </div>
      )}
    </div>
  );
}
