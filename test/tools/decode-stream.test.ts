/**
 * The full-size run of `a4s decode -` streaming: one million lines (430 MB of JSON out) under a
 * 64 MB heap cap. The unit tier runs the same test on a quarter million (test/cli-catalog.test.ts).
 */
import { decodeStreamTest } from '../support/decode-stream.js';

decodeStreamTest(1_000_000, 'a million lines');
