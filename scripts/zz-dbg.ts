import { footprintFile } from '../src/kicad/index.js';
import { readFootprint, verifyFootprint, renderFootprintReport } from '../src/verify/index.js';
import { offAxisDeg, rowDirectionDeg, commonOffAxisDeg } from '../src/verify/frame.js';
import { readFileSync } from 'node:fs';
const text = readFileSync('/tmp/vf/flip.txt', 'utf8');
const d = readFootprint(text); if (!d.ok) throw 1;
console.log(rowDirectionDeg(d.value.pads), commonOffAxisDeg(d.value.pads), offAxisDeg(d.value.pads));
console.log(d.value.pads.slice(0, 3));
const r = verifyFootprint(text); if (r.ok) console.log(renderFootprintReport(r.value));
