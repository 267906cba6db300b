import SectionMessage from '@atlaskit/section-message';
import type { ShownProblems } from './useSettingsEditor';

/** Every problem the server found, with where it is; each is also shown next to its field. */
export function ProblemSummary({ problems }: { problems: ShownProblems | null }) {
  if (!problems || problems.list.length === 0) return null;
  const count = problems.list.length;
  return (
    <SectionMessage appearance="error" title={`The settings were not saved: ${count} ${count === 1 ? 'problem' : 'problems'} to fix`} testId="settings-problems">
      <ul role="alert" style={{ margin: 0 }}>
        {problems.list.map(({ place, message }, i) => (
          <li key={`${i}-${place}`}>
            <strong>{place}:</strong> {message}
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}
