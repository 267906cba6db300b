import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import { PANEL_KEYS, SETTINGS_KEYS, SETTINGS_MODULE_KEY, type PageSummaryDto, type ResolverResponse, type SavedSettingsDto, type SettingsDto, type SettingsResponse, type TransformationConfigDto } from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { GLOBAL_PAGE, startTestPlatform } from '../support/platform';

const SETTINGS_PAGE = { moduleKey: SETTINGS_MODULE_KEY, extension: { type: 'jira:adminPage' } };
const WHOLE = { scope: { projectKey: null } };

/** What admins save changes what the pages show: box sources, toolsets, and bad JQL reported, not fatal. */
describe('pages built from the stored configuration', () => {
  let platform: LocalPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  async function saveConfig(change: (config: TransformationConfigDto) => void): Promise<void> {
    const current = (await platform.runtime.invoke({ functionKey: SETTINGS_KEYS.get, payload: {}, context: { ...SETTINGS_PAGE, accountId: DEMO_USERS.admin } })) as SettingsResponse<SettingsDto>;
    if (!current.success) throw new Error(current.error.message);
    const config = JSON.parse(JSON.stringify(current.data.config)) as TransformationConfigDto;
    change(config);
    const saved = (await platform.runtime.invoke({ functionKey: SETTINGS_KEYS.save, payload: { config, baseRevision: current.data.revision }, context: { ...SETTINGS_PAGE, accountId: DEMO_USERS.admin } })) as SettingsResponse<SavedSettingsDto>;
    if (!saved.success) throw new Error(`${saved.error.code}: ${saved.error.message}`);
  }
  async function summary(): Promise<PageSummaryDto> {
    const response = (await platform.runtime.invoke({ functionKey: PANEL_KEYS.summary, payload: WHOLE, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<PageSummaryDto>;
    if (!response.success) throw new Error(response.error.message);
    return response.data;
  }
  const team = (config: TransformationConfigDto) => {
    const found = config.boxTypes.find((t) => t.id === DEFAULT_CONFIG.conversion.teamBoxTypeId);
    if (!found) throw new Error('no team box type');
    return found;
  };

  it('honours a reduced toolset on the top box type', async () => {
    expect((await summary()).toolset).toContain('riskMatrix');
    await saveConfig((config) => {
      const root = config.boxTypes.find((t) => t.parentTypeId === null);
      if (root) root.toolset = ['roadmap', 'backlog'];
    });
    expect((await summary()).toolset).toEqual(['roadmap', 'backlog']);
  });

  it('finds the same 40 teams by parent link or by JQL as by issue type', async () => {
    const byIssueType = (await summary()).teamsConverted;
    await saveConfig((config) => {
      team(config).source = { kind: 'parentLink', issueTypes: ['Team'] };
    });
    expect((await summary()).teamsConverted).toEqual(byIssueType);
    await saveConfig((config) => {
      team(config).source = { kind: 'jql', jql: 'issuetype = Team ORDER BY key' };
    });
    expect((await summary()).teamsConverted).toEqual(byIssueType);
    expect(byIssueType.total).toBe(40);
  });

  it('reports a JQL Jira refuses as a warning on the page, and still answers', async () => {
    await saveConfig((config) => {
      team(config).source = { kind: 'jql', jql: 'issuetype = = Team' };
    });
    const page = await summary();
    expect(page.teamsConverted.total).toBe(0);
    expect(page.warnings).toContainEqual(expect.objectContaining({ code: 'invalidConfig', field: 'boxTypes.team.source', message: expect.stringContaining('Jira refused the JQL of box type "Team"') }));
  });
});
