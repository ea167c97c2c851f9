import type { NetKind } from '../types.js';

/**
 * A net's kind from the evidence, strongest first (issue 18): what the user states; the electrical
 * types of all pins on the net in a KiCad netlist; a stated non-zero voltage; the name; else unknown.
 * Every kind says where it came from, so that no verdict rests on a guess without saying so.
 */
export type KindSource = 'stated' | 'netlist pin types' | 'voltage' | 'name' | 'unknown';
/** A kind as the checks use it: `unknown` when no evidence says (never silently a signal). */
export type EvidencedKind = NetKind | 'unknown';

/** The last segment of a KiCad path (`/sub/VDD` → `VDD`, `/+3V3` → `+3V3`). */
export function baseName(net: string): string {
  const i = net.lastIndexOf('/');
  return i >= 0 && i < net.length - 1 ? net.slice(i + 1) : net.replace(/^\//, '');
}

export const GROUND_NAME = /^(?:[ADPS]?GND[A-Z0-9_]*|GND|[ADP]?VSS[A-Z0-9_]*|0V|EARTH|CHASSIS|PE|GROUND)$|GND/i;
/** Whole names of rails: a sign first (`+3V3`, `-20V`), a voltage (`3V3`, `1.8V`), a rail prefix, `V*_LED*`, `LED+`. */
const POWER_NAME =
  /^(?:\+|-)|^(?:VCC|VDD|VBAT|VBUS|VSYS|VIN|VOUT|VREG|VLED|VPP|VIO|VDDIO|PWR|POWER|VMOT|VSUP)|^\d+V\d*$|^V\d|^\d+V\d+|^[+-]?\d+(?:\.\d+)?V|^V\w*_LED|^LED\+$|^BL\+$|(?:^|_)W?LED_?A\d*$|(?:^|_)BL_?A$/i;
/** Words of a name that name a rail on their own (display, e-paper and camera rails included). */
const RAIL_TOKEN =
  /^(?:VCC\w*|VDD\w*|AVDD\w*|DVDD\w*|IOVDD|IOVCC|VCI|VDDI|ELVDD|ELVSS|AVEE|VGH|VGL|VSP|VSN|VCOM|VPOS|VNEG|VEE|VDDH|VBAT|VBUS|VSYS|VLED|LEDA\d*|VBL|VLCD|VPP|VIO|PWR|POWER|P\d+V\d*|N\d+V\d*|\d+V\d*|\d+\.\d+V|\d+P\d+V?)$/i;
/**
 * Words that make a rail-like name a control or status line (PWR_BTN, PWR_EN, VBUS_DET, VIN_SENSE,
 * PGOOD): a signal, whatever the prefix. Kept narrow on purpose: a word that can also name a rail
 * (SW in VCC_SW, a switched supply) is not here, since a supply read as a signal hides its hazards.
 */
const SIGNAL_WORD =
  /(?:^|[_\-./ ])(?:BTN|BUTTON|KEY|EN|ENABLE|PG|PGOOD|GOOD|DET|DETECT|SENSE|SNS|INT|IRQ|RST|RESET|FAULT|FLT|ALERT|CTRL|CTL|STAT|STATUS)(?:$|[_\-./ ])/i;
/** Words of signal names: buses, clocks, data lanes and pairs, resets, interrupts, enables, GPIOs, display control lines. */
const SIGNAL_TOKEN =
  /^(?:SDA\d*|SCL\d*|SCK\d*|SCLK|\w*CLK\w*|MOSI|MISO|SDI|SDO|SDIO\d*|SIO\d*|CS\d*|CSN|NCS|CSB|CSX|SS|CE\d*|TXD?\d*|RXD?\d*|CTS|RTS|D\d+|DATA\d*|DB\d+|DQ\d*|DQS|DP|DM|DN|D[+-]|LANE\d*|DSI|CSI|MIPI|I2C\d*|I2S\d*|SPI\d*|QSPI|UART\d*|USB|N?RST\w*|\w*RST|N?RESET\w*|RESX|INT\w*|IRQ\w*|N?EN|ENABLE|GPIO\w*|IO\d+|PWM\w*|TE|ID|BUSY|DC|DCX|RS|WR|WRX|RD|RDX|HSYNC|VSYNC|DE|PCLK|MCLK|LRCK|BCLK|WS|CMD|OE|LE|STV|CKV|XON|BOOT\d*|WAKE\w*|ALERT|SYNC|STB|STH|SPH|SPV|GMODE|CL|XCL|XLE|XOE|XSTL|MODE\d*|SEL\d*|IM\d*|A\d+|ADDR\d*|SWD\w*|SWCLK|SWDIO|TCK|TMS|TDI|TDO|JTAG|SIG\w*|HREF)$/i;

/** The kind a name suggests, or null when it suggests none (then the kind is `unknown`). */
export function kindFromName(net: string): NetKind | null {
  const name = baseName(net);
  if (GROUND_NAME.test(name)) return 'ground';
  const tokens = name.split(/[_\-./ ]+/).filter(Boolean);
  const rail = POWER_NAME.test(name) || tokens.some((t) => RAIL_TOKEN.test(t));
  if (rail && !SIGNAL_WORD.test(name)) return 'power';
  if (SIGNAL_WORD.test(name) || tokens.some((t) => SIGNAL_TOKEN.test(t)) || /(?:^|[_-])[PN]$/i.test(name)) return 'signal';
  return null;
}

/** Assumed from the name when the input does not say (GND… → ground, VCC/VDD/+3V3… → power, PWR_BTN → signal); `unknown` otherwise. */
export function inferKind(net: string): EvidencedKind {
  return kindFromName(net) ?? 'unknown';
}

/** KiCad pin types that make a net a power net (a regulator's output, an IC's supply pin). */
const POWER_PIN_TYPES = new Set(['power_out', 'power_in']);

export interface KindEvidence {
  readonly stated?: NetKind | undefined;
  /** The `pintype` of every node on the net in a KiCad netlist (all components), when read from one. */
  readonly pinTypes?: readonly string[] | undefined;
  readonly voltageV?: number | null | undefined;
  /** The net's stated current (A), when given. */
  readonly currentA?: number | null | undefined;
}

/** Ours (assumed): a logic or control line carries a few milliamperes; a net stated above this is a supply or a return. */
export const SIGNAL_MAX_A = 0.05;
/** A return by its name: an LED cathode (LEDK, LED_K1, LED-, WLED_K2), a `*_RTN`/`*_RETURN`. */
export const RETURN_NAME = /(?:^|[_-])(?:W?LED_?K\d*|K\d*)$|^W?LEDK\d*$|^LED-$|(?:^|[_-])(?:RTN|RETURN)(?:$|[_-])|_RTN\d*$/i;

/** The kind of a net and where it came from, in the order of the evidence. */
export function netKind(name: string, e: KindEvidence): { kind: EvidencedKind; kindSource: KindSource } {
  if (e.stated) return { kind: e.stated, kindSource: 'stated' };
  if (e.pinTypes?.some((t) => POWER_PIN_TYPES.has(t))) {
    // A power net: ground where the name or a stated 0 V says so, else a supply.
    const ground = kindFromName(name) === 'ground' || e.voltageV === 0;
    return { kind: ground ? 'ground' : 'power', kindSource: 'netlist pin types' };
  }
  // A stated non-zero voltage is never a harmless signal (a ground name at a voltage stays with its name).
  if (e.voltageV !== undefined && e.voltageV !== null && Math.abs(e.voltageV) > 0 && kindFromName(name) !== 'ground')
    return { kind: 'power', kindSource: 'voltage' };
  const byName = kindFromName(name);
  // A stated current above what a signal carries, on a name that says nothing and is not a return: a supply.
  if (!byName && e.currentA !== undefined && e.currentA !== null && e.currentA > SIGNAL_MAX_A && !RETURN_NAME.test(baseName(name)))
    return { kind: 'power', kindSource: 'voltage' };
  return byName ? { kind: byName, kindSource: 'name' } : { kind: 'unknown', kindSource: 'unknown' };
}

/**
 * The voltage a name spells, or null: `+1V8`, `1V8`, `1.8V`, `3V3`, `+5V0`, `VCC_3V3`, `P3V3`,
 * `-20V`, `1P8` (a decimal point is never dropped: `+1.8V` is 1.8 V, `+18V` is 18 V).
 */
export function voltageFromName(net: string): number | null {
  const name = baseName(net);
  const m =
    /(?:^|[^0-9A-Z.])([+-]|[PN](?=\d))?(\d+)(?:\.(\d+)V|V(\d*)|P(\d+)V?)(?![0-9A-Z])/i.exec(name) ??
    /(?:^|[^0-9.])([+-]|[PN](?=\d))?(\d+)(?:\.(\d+)V|V(\d+)|P(\d+)V)(?![0-9])/i.exec(name);
  if (!m) return null;
  const frac = m[3] ?? m[4] ?? m[5] ?? '';
  const v = Number(`${m[2]}${frac ? `.${frac}` : ''}`);
  if (!Number.isFinite(v)) return null;
  const negative = m[1] === '-' || m[1]?.toUpperCase() === 'N';
  return negative ? -v : v;
}
