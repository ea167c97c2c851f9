/** The two-board check: the pin maps of a socket and its header, pin against pin (`check.ts`). */
export {
  checkMatedPair,
  parseNetMapCsv,
  type MatedCheckReport,
  type MatedPairInput,
  type MatedPin,
  type MatedPinStatus,
  type MatingSummary,
  type NetMapPair,
} from './check.js';
