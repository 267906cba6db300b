import type { TransformationConfig, TransformationModel } from './model';
import { itemSize } from './itemFields';
import { boxById, itemByKey, riskMatcher } from './lookup';
import { UNIT_OF } from './progress';
import type { Scope } from './scope';
import { scopeSummary } from './scopeSummary';
import { subtreeBoxIds } from './tree';

/** The work items behind a scope's "Transformation advanced" figure. */
export interface ProgressItems {
  /** Keys of the done work items that make the figure's "done", in tree order. */
  doneKeys: string[];
  /** The figure's arithmetic in words, e.g. "62.1 % = 900 of 1,449 work items done, counted by issue". */
  arithmetic: string;
}

/**
 * Exactly the items the scope's progress figure adds up as done: the done work items (risks never count) in the
 * subtrees of the scope's top boxes that weigh something in the figure's unit (any item by issue count; one with
 * points or an estimate otherwise). A stated manual percent has no items behind it, which the arithmetic says.
 */
export function progressItems(model: TransformationModel, config: TransformationConfig, scope: Scope): ProgressItems {
  const progress = scopeSummary(model, scope).progress;
  const unit = UNIT_OF[progress.method];
  const isRisk = riskMatcher(config);
  const doneKeys: string[] = [];
  let stated = false;
  for (const rootId of scope.rootIds) {
    for (const id of subtreeBoxIds(model, rootId)) {
      const box = boxById(model, id);
      if (box === undefined) continue;
      if (box.progress.method === 'manual') stated = true;
      for (const key of box.itemKeys) {
        const item = itemByKey(model, key);
        if (item === undefined || isRisk(item) || item.statusCategory !== 'done') continue;
        if (unit === 'points' && itemSize(item, 'storyPoints') <= 0) continue;
        if (unit === 'seconds' && itemSize(item, 'originalEstimate') <= 0) continue;
        doneKeys.push(key);
      }
    }
  }
  const manualNote = stated ? '; boxes with a stated Manual progress count as that share of their size, which no list of items shows' : '';
  return { doneKeys, arithmetic: `${progress.percentText} = ${progress.basis}${manualNote}. Risks do not count.` };
}
