// Makes the compiled CLI entry executable (the `a4s` bin is the bundle dist/cli/main.js, made executable by scripts/bundle.ts).
import { chmodSync, existsSync } from 'node:fs';
const bin = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
