import { faultRuleSchema, type FaultRule, type FaultStore } from '../faults';
import { jiraError, ok, parseJsonBody, type JsonReply } from '../http';
import type { StatsCounter } from '../stats';

/** The emulator's own control surface under /__emulator/: not part of Jira, never faulted or counted. */
export function handleAdmin(method: string, path: string, body: string, faults: FaultStore, stats: StatsCounter): JsonReply {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'POST /__emulator/faults': {
      const rule: FaultRule = parseJsonBody(body, faultRuleSchema);
      faults.add(rule);
      return { status: 201, body: rule };
    }
    case 'DELETE /__emulator/faults':
      faults.clear();
      return { status: 204, body: null };
    case 'GET /__emulator/stats':
      return ok(stats.snapshot());
    case 'POST /__emulator/stats/reset':
      stats.reset();
      return { status: 204, body: null };
    default:
      throw jiraError(404, `The emulator has no admin endpoint ${route}.`);
  }
}
