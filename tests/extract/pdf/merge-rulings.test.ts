import { describe, expect, it } from "vitest";
import { mergeRulings } from "../../../src/extract/pdf/merge-rulings.js";
import { readerSettings } from "../../../src/extract/settings.js";

const s = readerSettings().pdf;

describe("mergeRulings", () => {
  it("snaps nearly collinear pieces onto one line and joins small gaps", () => {
    const m = mergeRulings(
      [
        { dir: "h", pos: 100, start: 10, end: 50 },
        { dir: "h", pos: 101, start: 52, end: 90 }, // 1pt lower, 2pt gap: same ruling
        { dir: "h", pos: 100.5, start: 95, end: 120 }, // 5pt gap: a separate piece
        { dir: "h", pos: 140, start: 10, end: 120 },
      ],
      s,
    );
    expect(m.h).toHaveLength(3);
    const [a, b, c] = m.h;
    expect(a!.pos).toBeCloseTo(100.5, 5);
    expect([a!.start, a!.end]).toEqual([10, 90]);
    expect([b!.start, b!.end]).toEqual([95, 120]);
    expect(c!.pos).toBe(140);
  });

  it("keeps verticals apart from horizontals and drops slivers shorter than minRulingLength", () => {
    const m = mergeRulings(
      [
        { dir: "v", pos: 10, start: 0, end: 100 },
        { dir: "v", pos: 60, start: 0, end: 1 },
        { dir: "h", pos: 10, start: 0, end: 100 },
      ],
      s,
    );
    expect(m.v).toEqual([{ dir: "v", pos: 10, start: 0, end: 100 }]);
    expect(m.h).toHaveLength(1);
  });

  it("does not chain-snap lines spread over more than twice the tolerance", () => {
    const m = mergeRulings(
      [0, 2.5, 5, 7.5, 10].map((pos) => ({ dir: "h" as const, pos, start: 0, end: 50 })),
      s,
    );
    expect(new Set(m.h.map((r) => r.pos)).size).toBeGreaterThan(1);
  });
});
