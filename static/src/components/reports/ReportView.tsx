import type { ReactNode } from 'react';
import type { ScopeDto } from '../../../../src/contract';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { Resource } from '../../hooks/useResource';
import { Empty, ErrorState, Loading } from '../PanelState';
import { periodText } from './period';
import { reportFileName, blocksCsv, type CsvBlock, type ReportKind } from './reportCsv';
import { usesPeriod } from './reportCache';
import { ReportActions } from './ReportActions';
import type { ReportContext } from './useReport';

interface ReportViewProps<T> {
  kind: ReportKind;
  /** "Weekly report" */
  title: string;
  context: ReportContext;
  resource: Resource<T>;
  blocks: (data: T) => CsvBlock[];
  /** The empty state's title when there is nothing to show, else null. */
  emptyTitle: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

const scopeText = ({ projectKey, boxId }: ScopeDto) => (boxId ? `Box ${boxId}` : projectKey ? `Project ${projectKey}` : 'The whole transformation');

/** The frame every report shares: loading and error states, what it covers, export and print, a heading only paper sees. */
export function ReportView<T>({ kind, title, context, resource, blocks, emptyTitle, children }: ReportViewProps<T>) {
  const lower = title.toLowerCase();
  if (resource.state === 'loading') return <Loading label={`Loading the ${lower}…`} />;
  if (resource.state === 'error') return <ErrorState title={`The ${lower} could not be loaded`} message={resource.message} onRetry={resource.retry} />;
  const { data } = resource;
  const covers = usesPeriod(kind) ? periodText(context.period) : `As of today, ${context.today} (the period does not apply)`;
  const empty = emptyTitle(data);
  return (
    <section data-testid={`report-${kind}`} aria-label={title} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <div className="report-print-only">
        <Heading size="medium" as="h2">
          {title}
        </Heading>
        <p>{scopeText(context.scope)}</p>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: token('space.100', '8px') }}>
        <span data-testid="report-covers" style={{ color: token('color.text.subtle', '#44546F') }}>
          {covers}
        </span>
        <ReportActions title={title} csv={() => blocksCsv(blocks(data))} fileName={() => reportFileName(kind, new Date(), usesPeriod(kind) ? context.period : undefined)} />
      </div>
      {empty === null ? children(data) : <Empty title={empty} />}
    </section>
  );
}
