/**
 * Distinct points in first-use order, looked up by exact coordinates (two corners are one point
 * when their numbers are equal). A linear scan while few (a box has 8 corners, a pocketed box 16),
 * a map once there are more than `scanLimit`. Shared by the STEP and VRML writers.
 */
export class PointIndex {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly zs: number[] = [];
  private byKey: Map<string, number> | null = null;

  constructor(private readonly scanLimit: number) {}

  get size(): number {
    return this.xs.length;
  }

  /** The index of (x, y, z), or −1. */
  find(x: number, y: number, z: number): number {
    if (this.byKey === null) {
      const n = this.xs.length;
      for (let i = 0; i < n; i++) if (this.xs[i] === x && this.ys[i] === y && this.zs[i] === z) return i;
      return -1;
    }
    return this.byKey.get(x + ',' + y + ',' + z) ?? -1;
  }

  /** Adds a point not yet present; returns its index. */
  add(x: number, y: number, z: number): number {
    const n = this.xs.length;
    this.xs.push(x);
    this.ys.push(y);
    this.zs.push(z);
    if (this.byKey !== null) this.byKey.set(x + ',' + y + ',' + z, n);
    else if (n + 1 > this.scanLimit) {
      this.byKey = new Map();
      for (let i = 0; i <= n; i++) this.byKey.set(this.xs[i] + ',' + this.ys[i] + ',' + this.zs[i], i);
    }
    return n;
  }
}
