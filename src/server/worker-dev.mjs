// The pool's worker in a source checkout (vitest, `tsx src/server/main.ts`): registers tsx, then
// loads worker.ts. The built server uses worker.js beside it (dist/server/worker.js) instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
