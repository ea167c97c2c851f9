import { checkBomText, type BomReport } from '../../src/checks/index.js';

/** The BOM tests' shorthand: the report of a BOM text (a failed check throws), and the codes of its findings. */
export const check = (text: string, options = {}): BomReport => {
  const r = checkBomText(text, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
export const codes = (r: BomReport) => r.findings.map((f) => f.code);
