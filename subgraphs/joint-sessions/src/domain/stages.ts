import { IllegalStageStepError } from '../errors.js';
import type { JointStage } from '../generated/prisma/enums.js';

/** Wuyi's six joints (六联), in order, then closed. */
export const jointStages = [
  'TOPIC',
  'PLAN',
  'RESEARCH',
  'DELIBERATION',
  'OUTCOMES',
  'SUPERVISION',
  'CLOSED',
] as const satisfies readonly JointStage[];

export const stageLabels: Record<JointStage, string> = {
  TOPIC: '议题联定',
  PLAN: '方案联审',
  RESEARCH: '调研联查',
  DELIBERATION: '协商联议',
  OUTCOMES: '成果联享',
  SUPERVISION: '监督联动',
  CLOSED: '已完成',
};

export const nextStage = (stage: JointStage): JointStage | null =>
  jointStages[jointStages.indexOf(stage) + 1] ?? null;

/** The stage a session enters: only the next one; skipping or going back is refused. */
export function advanceStage(current: JointStage, to: JointStage): JointStage {
  const next = nextStage(current);
  if (to !== next) {
    throw new IllegalStageStepError(
      { stage: current, label: stageLabels[current] },
      to,
      next && { stage: next, label: stageLabels[next] },
    );
  }
  return next;
}
