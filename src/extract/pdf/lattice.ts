/**
 * Ruled-table reconstruction (pdfplumber's pipeline): intersections of merged
 * rulings → minimal cells whose four corners are connected → groups of cells
 * sharing corners → a grid of distinct column/row positions with spans where
 * an interior ruling is missing.
 */
import type { PdfSettings } from "../settings.js";
import type { BBox, Ruling } from "./page-model.js";
import type { MergedRulings } from "./merge-rulings.js";
import { closeOpenGrids, type ClosedRulings } from "./close-grids.js";

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
  /** A grid position no ruled cell covered, filled with an empty cell. */
  hole?: boolean;
}

export interface GridTable {
  bbox: BBox;
  colX: number[];
  rowY: number[];
  cells: GridCell[];
  /** Grid positions no ruled cell covered; filled with empty cells. */
  holes: number;
  /**
   * The last row has no bottom rule of its own: its side rules run on to where
   * the page's content stops (close-grids.ts), so it goes on on the next page.
   */
  openBottom?: boolean;
  /** The first row has no top rule of its own (the rest of a row a page break split). */
  openTop?: boolean;
}

interface Point {
  x: number;
  y: number;
  v: Set<number>;
  h: Set<number>;
}

/**
 * Points keyed by their exact coordinates, in insertion order. Two-level maps on
 * the numbers themselves: string keys ("x|y") cost a number-to-text conversion
 * per lookup, which was most of the lattice's time.
 */
export class PointMap<T> {
  readonly #byX = new Map<number, Map<number, T>>();
  readonly #values: T[] = [];
  get(x: number, y: number): T | undefined {
    return this.#byX.get(x)?.get(y);
  }
  /** Stores v at (x, y) unless a value is there; returns the value stored there. */
  getOrSet(x: number, y: number, make: () => T): T {
    let col = this.#byX.get(x);
    if (col === undefined) this.#byX.set(x, (col = new Map()));
    let v = col.get(y);
    if (v === undefined) {
      col.set(y, (v = make()));
      this.#values.push(v);
    }
    return v;
  }
  values(): readonly T[] {
    return this.#values;
  }
}

export function findIntersections(r: MergedRulings, tol: number): PointMap<Point> {
  const pts = new PointMap<Point>();
  const hs = r.h.map((h, i) => ({ h, i })).sort((a, b) => a.h.pos - b.h.pos);
  for (let vi = 0; vi < r.v.length; vi++) {
    const v = r.v[vi]!;
    // Horizontal rulings within the vertical's extent: binary search on pos.
    let lo = 0,
      hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hs[mid]!.h.pos < v.start - tol) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < hs.length && hs[k]!.h.pos <= v.end + tol; k++) {
      const { h, i } = hs[k]!;
      if (v.pos < h.start - tol || v.pos > h.end + tol) continue;
      const p = pts.getOrSet(v.pos, h.pos, () => ({ x: v.pos, y: h.pos, v: new Set(), h: new Set() }));
      p.v.add(vi);
      p.h.add(i);
    }
  }
  return pts;
}

function shares(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Minimal cells: for each corner, the nearest lower and right corners that close a rectangle. */
export function intersectionsToCells(pts: PointMap<Point>, minSize: number): BBox[] {
  const byX = new Map<number, Point[]>();
  const byY = new Map<number, Point[]>();
  for (const p of pts.values()) {
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x)!).push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y)!).push(p);
  }
  // Each point's place in its column (by y) and in its row (by x).
  const atInCol = new Map<Point, number>();
  const atInRow = new Map<Point, number>();
  for (const l of byX.values()) l.sort((a, b) => a.y - b.y).forEach((p, i) => atInCol.set(p, i));
  for (const l of byY.values()) l.sort((a, b) => a.x - b.x).forEach((p, i) => atInRow.set(p, i));
  const cells: BBox[] = [];
  for (const p of pts.values()) {
    const col = byX.get(p.x)!;
    const row = byY.get(p.y)!;
    let found: BBox | null = null;
    for (let bi = atInCol.get(p)! + 1; bi < col.length && !found; bi++) {
      const b = col[bi]!;
      if (!shares(p.v, b.v)) continue;
      for (let ri = atInRow.get(p)! + 1; ri < row.length; ri++) {
        const r = row[ri]!;
        if (!shares(p.h, r.h)) continue;
        const br = pts.get(r.x, b.y);
        if (br && shares(br.v, r.v) && shares(br.h, b.h)) {
          found = { x0: p.x, y0: p.y, x1: r.x, y1: b.y };
          break;
        }
      }
    }
    if (found && found.x1 - found.x0 >= minSize && found.y1 - found.y0 >= minSize) cells.push(found);
  }
  return cells;
}

/** Groups cells that share a corner into tables and lays each on a grid (layOnGrid). */
export function cellsToTables(cells: BBox[]): GridTable[] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byCorner = new PointMap<number>();
  cells.forEach((c, i) => {
    for (const [x, y] of [
      [c.x0, c.y0],
      [c.x1, c.y0],
      [c.x0, c.y1],
      [c.x1, c.y1],
    ] as const) {
      const j = byCorner.getOrSet(x, y, () => i);
      if (j !== i) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, BBox[]>();
  cells.forEach((c, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(c);
  });
  const tables: GridTable[] = [];
  for (const group of groups.values()) tables.push(layOnGrid(group));
  return tables.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
}

export function layOnGrid(group: BBox[]): GridTable {
  const xs = new Set<number>(),
    ys = new Set<number>();
  for (const c of group) {
    xs.add(c.x0).add(c.x1);
    ys.add(c.y0).add(c.y1);
  }
  const colX = [...xs].sort((a, b) => a - b);
  const rowY = [...ys].sort((a, b) => a - b);
  const ci = new Map(colX.map((x, i) => [x, i]));
  const ri = new Map(rowY.map((y, i) => [y, i]));
  const rows = rowY.length - 1,
    cols = colX.length - 1;
  const taken: boolean[] = new Array(rows * cols).fill(false);
  const cells: GridCell[] = [];
  // Sort so that on overlap (rare, from odd rulings) the first, smallest anchor wins.
  for (const c of [...group].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const row = ri.get(c.y0)!,
      col = ci.get(c.x0)!;
    const rowSpan = ri.get(c.y1)! - row,
      colSpan = ci.get(c.x1)! - col;
    let free = true;
    for (let r = row; r < row + rowSpan && free; r++) for (let k = col; k < col + colSpan; k++) if (taken[r * cols + k]) free = false;
    if (!free) continue;
    for (let r = row; r < row + rowSpan; r++) for (let k = col; k < col + colSpan; k++) taken[r * cols + k] = true;
    cells.push({ row, col, rowSpan, colSpan, bbox: c });
  }
  // Close the grid: uncovered positions become empty cells, merged along a row.
  let holes = 0;
  for (let r = 0; r < rows; r++) {
    let k = 0;
    while (k < cols) {
      if (taken[r * cols + k]) {
        k++;
        continue;
      }
      let e = k;
      while (e < cols && !taken[r * cols + e]) {
        taken[r * cols + e] = true;
        e++;
      }
      holes += e - k;
      cells.push({ row: r, col: k, rowSpan: 1, colSpan: e - k, bbox: { x0: colX[k]!, y0: rowY[r]!, x1: colX[e]!, y1: rowY[r + 1]! }, hole: true });
      k = e;
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const bbox = { x0: colX[0]!, y0: rowY[0]!, x1: colX[colX.length - 1]!, y1: rowY[rowY.length - 1]! };
  return { bbox, colX, rowY, cells, holes };
}

/** The lattice's named steps, each kept for inspection (table-trace.ts). */
export interface LatticeSteps {
  /** Merged rulings with the closing rules of open grids added. */
  closed: ClosedRulings;
  intersections: { x: number; y: number }[];
  /** Minimal cells, before grouping. */
  cells: BBox[];
  grids: GridTable[];
}

export function latticeSteps(r: MergedRulings, s: PdfSettings): LatticeSteps {
  const closed = closeOpenGrids(r, s);
  const points = findIntersections(closed, s.intersectionTolerance);
  const cells = intersectionsToCells(points, s.minCellSize);
  const grids = cellsToTables(cells);
  const tol = s.intersectionTolerance;
  const spans = (c: Ruling, t: GridTable) => c.start <= t.bbox.x0 + tol && c.end >= t.bbox.x1 - tol;
  for (const t of grids) {
    if (closed.bottomClosers.some((c) => c.pos === t.bbox.y1 && spans(c, t))) t.openBottom = true;
    if (closed.topClosers.some((c) => c.pos === t.bbox.y0 && spans(c, t))) t.openTop = true;
  }
  return { closed, intersections: points.values().map((p) => ({ x: p.x, y: p.y })), cells, grids };
}

export function findLatticeGrids(r: MergedRulings, s: PdfSettings): GridTable[] {
  return latticeSteps(r, s).grids;
}
