import { boxScope, resolveScope, type Scope, type TransformationModel } from '../../domain';

/** One page scope the stored figures answer: its key, what it covers, and the page it is shown on. */
export interface FigureScope {
  scopeKey: string;
  scope: Scope;
  pageScope: Scope;
  boxId: string | null;
  projectKey: string | null;
}

/** Every page scope of the whole model, one at a time: the whole, each project's part, each box of the whole. */
export function* figureScopes(model: TransformationModel, projectKeys: readonly string[]): Generator<FigureScope> {
  const whole = resolveScope(model, null);
  yield { scopeKey: 'global', scope: whole, pageScope: whole, boxId: null, projectKey: null };
  for (const projectKey of projectKeys) {
    const scope = resolveScope(model, projectKey);
    yield { scopeKey: `project:${projectKey}`, scope, pageScope: scope, boxId: null, projectKey };
  }
  for (const boxId of Object.keys(model.boxes)) {
    const scope = boxScope(model, whole, boxId);
    if (scope !== null) yield { scopeKey: `box:${boxId}`, scope, pageScope: whole, boxId, projectKey: null };
  }
}
