import type { TRuleDefinition, TRuleKind } from "@/lib/contracts/rules";
import type { TEntityIndex } from "../entity-index";
import { createJamSpreadEvaluator } from "./jam-spread";
import { createOutOfBandEvaluator } from "./out-of-band";
import { createSpikeEvaluator } from "./spike";
import { createStaleEvaluator } from "./stale";
import { createStatusEvaluator } from "./status";
import { createThresholdEvaluator } from "./threshold";
import type { TEvaluatorFactory, TRuleEvaluator } from "./types";

const FACTORIES: { [K in TRuleKind]: TEvaluatorFactory<K> } = {
  threshold: createThresholdEvaluator,
  status: createStatusEvaluator,
  stale: createStaleEvaluator,
  spike: createSpikeEvaluator,
  jamSpread: createJamSpreadEvaluator,
  outOfBand: createOutOfBandEvaluator,
};

export function createEvaluator(kind: TRuleKind, index: TEntityIndex): TRuleEvaluator<TRuleDefinition> {
  // The engine only ever passes rules of the kind the evaluator was created for.
  return FACTORIES[kind](index) as TRuleEvaluator<TRuleDefinition>;
}
