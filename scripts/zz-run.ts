import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { verifyFootprint, renderFootprintReport } from '/work/wt/verifier/src/verify/index.js';
for (const f of process.argv.slice(2)) {
  const r = verifyFootprint(readFileSync(f, 'utf8'), { fileName: basename(f) });
  console.log('=== ' + f);
  console.log(r.ok ? renderFootprintReport(r.value).split('\n').filter((l) => !l.startsWith('    expected')).join('\n') : r.error);
}
