/**
 * The domain's panel functions return plain data shaped exactly like the contract's DTOs, so the use cases can
 * pass them through unchanged. The assignments below are the check: `tsc` fails if a shape drifts.
 */
import type { BacklogPageDto, BacklogQueryDto, ConversionPointDto, OverviewDto, PageSummaryDto, RiskMatrixDto, RoadmapDto, ScheduleCountsDto, TeamRowDto } from '../../src/contract';
import type { FlowReportDto, ForecastDto, ReportPeriodDto, ValueTrackingDto, WeeklyReportDto } from '../../src/contract/reports';
import { backlogPage, conversionHistory, flowReport, forecast, overview, resolveScope, riskMatrix, roadmap, roadmapWindow, scheduleCounts, scopeSummary, teamRows, valueTracking, weeklyReport } from '../../src/domain';
import type { ReportPeriod } from '../../src/domain';
import type { BacklogQuery } from '../../src/domain';
import { build, config } from './factories';

describe('the domain speaks the contract', () => {
  it('returns values assignable to the DTOs', () => {
    const cfg = config();
    const model = build([]);
    const scope = resolveScope(model, null);
    const query: BacklogQueryDto = { drill: 'late', sort: { column: 'key', direction: 'asc' } };
    const asDomainQuery: BacklogQuery = query;

    const roadmapDto: RoadmapDto = roadmapWindow(roadmap(model, cfg, scope, '2026-03-10'), { offset: 0, limit: 300, collapse: { kind: 'listed', ids: new Set() } });
    const risks: RiskMatrixDto = riskMatrix(model, cfg, scope);
    const teams: TeamRowDto[] = teamRows(model, cfg, scope);
    const history: ConversionPointDto[] = conversionHistory({ teams: [], stageChanges: [], stages: [], targetStage: '', from: '2026-01-01', to: '2026-01-01' });
    const backlog: BacklogPageDto = backlogPage(model, cfg, scope, asDomainQuery, '2026-03-10');
    const counts: ScheduleCountsDto = scheduleCounts(model, scope, '2026-03-10');
    const summary: Pick<PageSummaryDto, 'progress' | 'teamsConverted'> = scopeSummary(model, scope);
    const boxes: Pick<OverviewDto, 'totalRows'> & { rows: Omit<OverviewDto['rows'][number], 'baseline'>[] } = overview(model, cfg, scope, '2026-03-10');

    expect(roadmapDto.rows.map((row) => row.id)).toEqual(['root']);
    expect(risks.cells).toHaveLength(25);
    expect(teams).toHaveLength(1);
    expect(history).toEqual([{ date: '2026-01-01', converted: 0, total: 0, ratio: 0 }]);
    expect(backlog.total).toBe(0);
    expect(counts).toEqual({ late: 0, onTrack: 0, done: 0, unscheduled: 0 });
    expect(summary.progress.percentText).toBe('–'); // nothing to measure, so no 0 % that looks measured
    expect(boxes).toEqual({ rows: [], totalRows: 0 });
  });

  it('returns reports assignable to the report DTOs', () => {
    const cfg = config();
    const model = build([]);
    const scope = resolveScope(model, null);
    const periodDto: ReportPeriodDto = { from: '2026-03-02', to: '2026-03-08' };
    const period: ReportPeriod = periodDto;

    const weekly: WeeklyReportDto = weeklyReport(model, cfg, scope, [], {}, period);
    const value: ValueTrackingDto = valueTracking(model, cfg, scope, [], '2026-03-10');
    const flow: FlowReportDto = flowReport(model, cfg, scope, [], {}, period);
    const outlook: ForecastDto = forecast(model, cfg, scope, [], {}, '2026-03-10', 1);

    expect(weekly.workstreams).toEqual([]);
    expect(value.pipeline).toHaveLength(6);
    expect(flow.byBox.map((row) => row.boxId)).toEqual(['root']);
    expect(outlook.teamsConverted.remaining).toBe(0);
  });
});
