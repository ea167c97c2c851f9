import { headerHeight } from '../../geometry/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import { matedPairModel, partModel, type Solid, type Vec3 } from '../../model3d/index.js';
import { h, replace } from '../dom.js';

/**
 * A 3D view of the part, or of the mated pair, drawn from the very solids the STEP and VRML writers
 * write (src/model3d, run here in the browser). A small renderer of our own on a 2D canvas (flat
 * shaded, back faces culled, faces painted far to near; orthographic), so that no 3D library ships:
 * the models are a few hundred axis-aligned planar faces. Loaded only when the view is opened.
 */
interface Scene {
  readonly solids: readonly Solid[];
  readonly title: string;
  /** Board surfaces to show (z of each): the socket board at 0, the header board at the mated height. */
  readonly boards: readonly number[];
  readonly facts: readonly string[];
}

const DEFAULT_VIEW = { yaw: -0.5, pitch: -0.95, zoom: 1 };

export function view3d(pn: string, partners: readonly string[]): HTMLElement {
  const role = checkPartNumber(pn).fields?.role;
  const canvas = h('canvas', { id: 'view3d-canvas', class: 'view3d', tabindex: 0, role: 'img', 'aria-label': `3D view of ${pn}` });
  const facts = h('ul', { class: 'facts', id: 'view3d-facts' });
  const choice = h(
    'select',
    { id: 'view3d-choice', 'aria-label': 'What to show' },
    h('option', { value: '' }, `${pn} alone`),
    ...partners.map((m) => h('option', { value: m }, `mated with ${m}`)),
  );
  let view = { ...DEFAULT_VIEW };
  let scene: Scene | null = null;

  function load() {
    const mate = choice.value;
    const result = mate === '' ? partModel(pn) : role === 'socket' ? matedPairModel(pn, mate) : matedPairModel(mate, pn);
    if (!result.ok) {
      replace(facts, h('li', { class: 'error' }, `${result.error.code}: ${result.error.message}`));
      scene = null;
      draw();
      return;
    }
    if ('model' in result.value) {
      const m = result.value.model;
      const b = m.bodyBounds;
      scene = {
        solids: m.solids,
        title: m.name,
        boards: [0],
        facts: [
          `Body ${fmt(b.max[0] - b.min[0])} × ${fmt(b.max[1] - b.min[1])} × ${fmt(b.max[2] - b.min[2])} mm (length A × width × height)`,
          `${m.solids.length} solids, the same as ${m.name}.step / .wrl`,
        ],
      };
    } else {
      const solids = result.value.solids;
      const top = Math.max(...solids.map((s) => s.bounds.max[2]));
      const header = checkPartNumber(role === 'socket' ? mate : pn).fields;
      const height = headerHeight(header?.matedHeightMm);
      scene = {
        solids,
        title: result.value.name,
        boards: [0, height],
        facts: [
          `Mated height ${fmt(height)} mm: the header's board at z = ${fmt(height)} mm (catalog), the socket's at 0`,
          `Highest solid at z = ${fmt(top)} mm`,
          `${solids.length} solids, the same as the mated-pair STEP`,
        ],
      };
    }
    replace(facts, ...scene.facts.map((f) => h('li', {}, f)));
    canvas.setAttribute('aria-label', `3D view of ${scene.title}`);
    draw();
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 600;
    const height = canvas.clientHeight || 360;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#f4f6f8';
    ctx.fillRect(0, 0, width, height);
    if (scene) render(ctx, scene, view, width, height);
  }

  // Drag to rotate, wheel or buttons to zoom, arrows when focused.
  let drag: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    view = { ...view, yaw: view.yaw + (e.clientX - drag.x) * 0.01, pitch: clamp(view.pitch + (e.clientY - drag.y) * 0.01, -Math.PI, 0) };
    drag = { x: e.clientX, y: e.clientY };
    draw();
  });
  canvas.addEventListener('pointerup', () => (drag = null));
  canvas.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1.15 : 1 / 1.15);
    },
    { passive: false },
  );
  canvas.addEventListener('keydown', (e) => {
    const step = 0.1;
    const moves: Record<string, Partial<typeof view>> = {
      ArrowLeft: { yaw: view.yaw - step },
      ArrowRight: { yaw: view.yaw + step },
      ArrowUp: { pitch: clamp(view.pitch - step, -Math.PI, 0) },
      ArrowDown: { pitch: clamp(view.pitch + step, -Math.PI, 0) },
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    view = { ...view, ...m };
    draw();
  });
  const zoomBy = (f: number) => {
    view = { ...view, zoom: clamp(view.zoom * f, 0.3, 12) };
    draw();
  };
  const preset = (v: Partial<typeof view>) => () => {
    view = { ...DEFAULT_VIEW, ...v };
    draw();
  };
  choice.addEventListener('change', load);
  window.addEventListener('resize', () => {
    if (canvas.isConnected) draw();
  });

  const el = h(
    'div',
    { class: 'view3d-wrap' },
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'field', for: 'view3d-choice' }, h('span', {}, 'Show'), choice),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.3) }, '+'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom out', onclick: () => zoomBy(1 / 1.3) }, '−'),
      h('button', { type: 'button', class: 'secondary', onclick: preset({ yaw: 0, pitch: 0 }) }, 'Top'),
      h('button', { type: 'button', class: 'secondary', onclick: preset({ yaw: 0, pitch: -Math.PI / 2 }) }, 'Front'),
      h('button', { type: 'button', class: 'secondary', id: 'view3d-reset', onclick: preset({}) }, 'Reset'),
    ),
    canvas,
    facts,
    h(
      'p',
      { class: 'source' },
      'Simplified model (body box of the catalog’s A, reference width and height; metal where it is soldered), not the manufacturer’s CAD data. x along the connector (pin 1 end left in the top view), z up from the board.',
    ),
  );
  // Drawn once it is in the page (it needs its size).
  requestAnimationFrame(() => {
    if (partners.length && role) choice.value = partners[0]!;
    load();
  });
  return el;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

interface Projected {
  readonly depth: number;
  readonly fill: string;
  readonly loops: [number, number][][];
}

/** Orthographic: turn about z (yaw), tilt about x (pitch), look down −z; screen y down. */
function render(ctx: CanvasRenderingContext2D, scene: Scene, view: { yaw: number; pitch: number; zoom: number }, width: number, height: number) {
  const all = scene.solids.flatMap((s) => [s.bounds.min, s.bounds.max]);
  const min = [0, 1, 2].map((i) => Math.min(...all.map((p) => p[i]!)));
  const max = [0, 1, 2].map((i) => Math.max(...all.map((p) => p[i]!)));
  const centre = [0, 1, 2].map((i) => (min[i]! + max[i]!) / 2) as unknown as Vec3;
  const size = Math.hypot(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!) || 1;
  const scale = (Math.min(width, height * 1.6) / size) * 0.85 * view.zoom;
  const [cy, sy, cp, sp] = [Math.cos(view.yaw), Math.sin(view.yaw), Math.cos(view.pitch), Math.sin(view.pitch)];
  const turn = (v: Vec3): Vec3 => {
    const x1 = v[0] * cy - v[1] * sy;
    const y1 = v[0] * sy + v[1] * cy;
    return [x1, y1 * cp - v[2] * sp, y1 * sp + v[2] * cp];
  };
  const toScreen = (p: Vec3): [number, number, number] => {
    const t = turn([p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]]);
    return [width / 2 + t[0] * scale, height / 2 - t[1] * scale, t[2]];
  };
  const light = norm([0.35, 0.45, 1]);
  const faces: Projected[] = [];
  for (const solid of scene.solids) {
    for (const face of solid.faces) {
      const n = turn(face.normal);
      if (n[2] <= 1e-6) continue; // faces away
      const shade = 0.4 + 0.6 * Math.max(0, n[0] * light[0] + n[1] * light[1] + n[2] * light[2]);
      const loops = face.loops.map((loop) => loop.map((p) => toScreen(p)));
      const outer = loops[0]!;
      const depth = outer.reduce((a, p) => a + p[2], 0) / outer.length;
      faces.push({ depth, fill: rgb(solid.colour, shade), loops: loops.map((l) => l.map(([x, y]) => [x, y] as [number, number])) });
    }
  }
  // Board surfaces, translucent: the socket's below everything, the header's over the pair.
  const pad = 0.6;
  const board = (z: number): [number, number][] =>
    [
      [min[0]! - pad, min[1]! - pad],
      [max[0]! + pad, min[1]! - pad],
      [max[0]! + pad, max[1]! + pad],
      [min[0]! - pad, max[1]! + pad],
    ].map(([x, y]) => toScreen([x!, y!, z]).slice(0, 2) as [number, number]);
  const fillPath = (loops: [number, number][][], fill: string) => {
    ctx.beginPath();
    for (const loop of loops) {
      loop.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.closePath();
    }
    ctx.fillStyle = fill;
    ctx.fill('evenodd');
  };
  fillPath([board(scene.boards[0]!)], 'rgba(40, 120, 60, 0.22)');
  faces.sort((a, b) => a.depth - b.depth);
  ctx.lineJoin = 'round';
  for (const f of faces) {
    fillPath(f.loops, f.fill);
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.lineWidth = 0.5;
    ctx.stroke();
  }
  for (const z of scene.boards.slice(1)) fillPath([board(z)], 'rgba(40, 90, 160, 0.18)');
  // The mated height, dimensioned beside the pair.
  if (scene.boards.length > 1) {
    const x = max[0]! + pad;
    const a = toScreen([x, min[1]! - pad, 0]);
    const b = toScreen([x, min[1]! - pad, scene.boards[1]!]);
    ctx.strokeStyle = '#0b5cad';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
    ctx.stroke();
    ctx.fillStyle = '#0b5cad';
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillText(`${fmt(scene.boards[1]!)} mm`, Math.max(a[0], b[0]) + 6, (a[1] + b[1]) / 2 + 4);
  }
}

function norm(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Linear RGB (the models' colours) to an sRGB fill, shaded. */
function rgb(c: Vec3, shade: number): string {
  const to = (x: number) => Math.round(255 * Math.pow(clamp(x * shade, 0, 1), 1 / 2.2));
  return `rgb(${to(c[0])}, ${to(c[1])}, ${to(c[2])})`;
}
