import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import { PIN_MAP_FINDING_CODE_LIST } from '../codes.js';
import { limits, thresholdsOf } from '../shared/index.js';
import { SEVERITY_RANK, type CheckReport, type Finding, type PinMapInput, type Severity } from '../types.js';
import { found, type PinMapRule, type PinMapRuleInput } from './common.js';
import { collectNets, currentMismatchRule } from './nets.js';
import { currentsRule, totalCurrentRule, voltagesRule, contactVoltagesRule, irDropRule } from './electrical.js';
import { reversalRule } from './reversal.js';
import { neighbourVoltagesRule, diffPairsRule, unknownKindsRule, missingValuesRule } from './evidence.js';
import { matingForcesRule, lifeRule, environmentRule, boardsRule } from './conditions.js';
import { partUnstatedRule, partsRule, duplicatedPinsRule, beyondCountRule, unassignedRule, pinCountOf, pinsOf } from './structure.js';
import { compareNames } from '../../numbers.js';

export { inferKind } from '../shared/index.js';
export { neighbourPairs } from './electrical.js';
export { compactPins } from './common.js';

/**
 * Every pin-map rule, in the order they run: the parts and the pins, the nets (currents, voltages,
 * IR drop), reversal, what rests on evidence, then mechanics, life, environment and boards. A rule
 * that reads what another finds comes after it (unknown kinds after reversal). The report sorts the
 * findings, so this order only decides between findings equal in severity, code, pin and net.
 */
export const PIN_MAP_RULES: readonly PinMapRule[] = [
  partUnstatedRule,
  partsRule,
  duplicatedPinsRule,
  beyondCountRule,
  unassignedRule,
  currentMismatchRule,
  currentsRule,
  totalCurrentRule,
  voltagesRule,
  contactVoltagesRule,
  irDropRule,
  reversalRule,
  neighbourVoltagesRule,
  diffPairsRule,
  unknownKindsRule,
  missingValuesRule,
  matingForcesRule,
  lifeRule,
  environmentRule,
  boardsRule,
];

/**
 * Checks a pin map against every rule of the catalog that a pin assignment can break. Pure; never
 * throws on any `PinMapInput`. Findings are sorted worst first (error, warning, info), then by the
 * order of the code registry and by pin.
 */
export function checkPinMap(input: PinMapInput, series: Series = builtInSeries): CheckReport {
  const l = limits(series);
  const part = input.part ? checkPartNumber(input.part, series) : null;
  const mate = input.mate ? checkPartNumber(input.mate, series) : null;
  const { pinCount, pinCountSource } = pinCountOf(input, part, series);
  const { byPin, duplicates, beyond } = pinsOf(input, pinCount);
  const irDropMv = input.irDropThresholdMv ?? l.irDropDefaultMv.value;
  const maxNeighbourV = input.maxNeighbourV ?? null;
  const r: PinMapRuleInput = {
    input,
    series,
    limits: l,
    part,
    mate,
    pinCount,
    pinCountSource,
    byPin,
    duplicates,
    beyond,
    netOf: (pin: number) => byPin.get(pin)?.net ?? null,
    nets: collectNets(input, byPin),
    irDropMv,
    maxNeighbourV,
    found: {},
  };
  const findings: Finding[] = [];
  for (const rule of PIN_MAP_RULES) findings.push(...rule(r));

  const order = new Map(PIN_MAP_FINDING_CODE_LIST.map((c, i) => [c, i]));
  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      order.get(a.code)! - order.get(b.code)! ||
      (a.pins[0] ?? 0) - (b.pins[0] ?? 0) ||
      compareNames(a.nets[0] ?? '', b.nets[0] ?? ''),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const reversal = found(r, 'reversal');
  const unknownKindNets = found(r, 'unknownKindNets');
  const { noCurrentNets, noVoltageNets } = found(r, 'missingValues');
  const forces = found(r, 'forces');
  return {
    part: part?.partNumber ?? input.part,
    mate: mate?.partNumber ?? input.mate,
    findings,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      pinCount,
      pinCountSource,
      reversalSafe: reversal.verdict === 'safe',
      reversal: reversal.verdict,
      unknownKindNets,
      noCurrentNets,
      noVoltageNets,
      verdict: verdictOf(count('error'), unknownKindNets, noCurrentNets, noVoltageNets),
      totalCurrentA: found(r, 'totalCurrentA'),
      insertionForceMaxN: forces.insertionMaxN,
      removalForceMinN: forces.removalMinN,
      nets: found(r, 'netSummaries'),
      thresholds: thresholdsOf(l, irDropMv, input.irDropThresholdMv !== null, maxNeighbourV),
    },
  };
}
/**
 * `errors`; `qualified` (no error, but nets of unknown kind meet others: exit 1); `clean for stated
 * values` (no error, but supplies without a current or a voltage: those checks did not run; exit 0,
 * named in NET_VALUES_MISSING); `clean` (everything the checks need was given, and nothing failed).
 */
export function verdictOf(
  errors: number,
  unknownKindNets: readonly string[],
  noCurrentNets: readonly string[],
  noVoltageNets: readonly string[],
): CheckReport['summary']['verdict'] {
  if (errors > 0) return 'errors';
  if (unknownKindNets.length > 0) return 'qualified';
  return noCurrentNets.length > 0 || noVoltageNets.length > 0 ? 'clean for stated values' : 'clean';
}
