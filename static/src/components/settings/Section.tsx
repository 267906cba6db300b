import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/** One titled part of the settings page. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`settings-section-${id}`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150', '12px'),
        padding: token('space.200', '16px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.medium', '6px'),
        background: token('elevation.surface.raised', '#FFFFFF'),
      }}
    >
      <Heading size="medium" as="h3" id={`${id}-title`}>
        {title}
      </Heading>
      {description && <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>{description}</p>}
      {children}
    </section>
  );
}
