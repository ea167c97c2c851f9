import type { DimensionTable } from './schema.js';

/** value = slopePerPin × pins + interceptMm, fitted by least squares to a catalog table column. */
export interface LinearFormula {
  readonly slopeMmPerPin: number;
  readonly interceptMm: number;
  /** Largest |fit − table| over the table's rows, in mm. */
  readonly maxResidualMm: number;
  readonly text: string;
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

export function fitColumn(table: DimensionTable, column: 'A' | 'B' | 'C'): LinearFormula {
  const xs = table.rows.map((r) => r.pins);
  const ys = table.rows.map((r) => r[column]);
  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  }
  const slope = round(sxy / sxx);
  const intercept = round(meanY - slope * meanX);
  const maxResidualMm = round(Math.max(...xs.map((x, i) => Math.abs(slope * x + intercept - ys[i]!))));
  return {
    slopeMmPerPin: slope,
    interceptMm: intercept,
    maxResidualMm,
    text: `${column} = ${slope} mm × pins ${intercept >= 0 ? '+' : '−'} ${Math.abs(intercept)} mm (least-squares fit of ${table.source}, max residual ${maxResidualMm} mm)`,
  };
}

export function evaluate(formula: LinearFormula, pins: number): number {
  return round(formula.slopeMmPerPin * pins + formula.interceptMm, 4);
}
