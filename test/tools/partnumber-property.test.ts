/**
 * The full-size run of the part-number reader's never-throws property: one million strings (about a
 * minute on two cores), in the tools tier, which sets A4S_PROPERTY_RUNS=1000000 (the tools project of vitest.config.ts).
 * The unit tier runs the same property with 20,000 (src/partnumber/partnumber.test.ts).
 */
import { neverThrowsProperty, propertyRuns } from '../support/partnumber-property.js';

neverThrowsProperty(propertyRuns(process.env));
