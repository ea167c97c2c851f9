import { readFileSync } from 'node:fs';
import { verifyFootprint, renderFootprintReport } from '../src/verify/index.js';
const b = readFileSync('/tmp/vf/b.kicad_pcb', 'utf8');
for (const ref of ['J1', 'J2', 'J3']) {
  const r = verifyFootprint(b, { reference: ref });
  console.log(ref, r.ok ? renderFootprintReport(r.value) : r.error);
}
// copied out: each footprint block standalone
const blocks = b.split(/\n\t\(footprint /).slice(1).map((s) => '(footprint ' + s.slice(0, s.lastIndexOf('\n\t)') + 3));
for (const blk of blocks) {
  const r = verifyFootprint(blk.replace(/\n\t/g, '\n'));
  console.log('copied', r.ok ? renderFootprintReport(r.value) : r.error);
}
