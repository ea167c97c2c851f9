/**
 * The full-size run of the never-throws property over the library entry: the functions that build a
 * whole library (kicadLibraryFiles, eagleLibrary, easyedaLibrary) 60 runs each like every other
 * export, where the unit tier gives them 4 (the tools project of vitest.config.ts sets
 * A4S_SLOW_LIBRARY_RUNS=60). The property itself is test/library-never-throws.test.ts.
 */
import '../library-never-throws.test.js';
