import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), padding: token('space.200', '16px') }}>
      <Spinner size="medium" label={label} />
      <span style={{ color: token('color.text.subtle', '#44546F') }}>{label}</span>
    </div>
  );
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <SectionMessage appearance="error" title={title}>
      <p data-testid="error-message">{message}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </SectionMessage>
  );
}

/** Seconds between checks while the first snapshot is prepared. */
const PREPARING_RECHECK_MS = 20_000;

/** The first snapshot of a large site is being built: says how far it is, and checks again on its own. */
export function Preparing({ message, onRetry }: { message: string; onRetry: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onRetry, PREPARING_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [onRetry]);
  return (
    <SectionMessage appearance="information" title="Preparing the transformation">
      <p data-testid="preparing-message" role="status">
        {message}
      </p>
      <Button onClick={onRetry}>Check now</Button>
    </SectionMessage>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div style={{ padding: token('space.300', '24px'), textAlign: 'center', color: token('color.text.subtle', '#44546F') }}>
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}
