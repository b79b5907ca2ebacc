/**
 * Decodes pdf.js's fused path buffers (OPS.constructPath, pdfjs-dist 5.x).
 *
 * The drawing codes are pdf.js's internal `DrawOPS`, which is not exported and
 * changed between 5.4 (closePath 3) and 5.6 (quadraticCurveTo 3, closePath 4).
 * The values below are those of the pinned 5.6.205; tests/extract/pdf decode a
 * known rectangle from a real PDF so an upgrade that changes them fails loudly.
 */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** One subpath: its points in order (curve end points only), closed or not, curved or not. */
export interface SubPath {
  points: number[]; // flat x,y pairs
  closed: boolean;
  curved: boolean;
}

export class PathDecodeError extends Error {}

/** Splits a path buffer into subpaths at every moveTo. Coordinates stay in user space. */
export function decodePath(data: ArrayLike<number>): SubPath[] {
  const out: SubPath[] = [];
  let cur: SubPath | null = null;
  let i = 0;
  const n = data.length;
  const need = (k: number) => {
    if (i + k > n) throw new PathDecodeError(`path buffer ends inside an operation at ${i}`);
  };
  while (i < n) {
    const op = data[i++]!;
    switch (op) {
      case DRAW_OPS.moveTo:
        need(2);
        cur = { points: [data[i]!, data[i + 1]!], closed: false, curved: false };
        out.push(cur);
        i += 2;
        break;
      case DRAW_OPS.lineTo:
        need(2);
        if (!cur) {
          cur = { points: [], closed: false, curved: false };
          out.push(cur);
        }
        cur.points.push(data[i]!, data[i + 1]!);
        i += 2;
        break;
      case DRAW_OPS.curveTo:
        need(6);
        if (!cur) {
          cur = { points: [], closed: false, curved: true };
          out.push(cur);
        }
        cur.points.push(data[i + 4]!, data[i + 5]!);
        cur.curved = true;
        i += 6;
        break;
      case DRAW_OPS.quadraticCurveTo:
        need(4);
        if (!cur) {
          cur = { points: [], closed: false, curved: true };
          out.push(cur);
        }
        cur.points.push(data[i + 2]!, data[i + 3]!);
        cur.curved = true;
        i += 4;
        break;
      case DRAW_OPS.closePath:
        if (cur) cur.closed = true;
        break;
      default:
        throw new PathDecodeError(`unknown path drawing code ${op} at ${i - 1}`);
    }
  }
  return out;
}
