/** Plain-text helpers for the terminal report: widths in code points, no ANSI unless asked. */

export function textWidth(s: string): number {
  return [...s].length;
}

export function truncate(s: string, width: number): string {
  const chars = [...s.replace(/\s+/g, " ").trim()];
  if (chars.length <= width) return chars.join("");
  return (
    chars
      .slice(0, Math.max(0, width - 1))
      .join("")
      .trimEnd() + "…"
  );
}

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - textWidth(s)));
}

export function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - textWidth(s))) + s;
}

/** Greedy word wrap; words longer than the width are cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.replace(/\s+/g, " ").trim().split(" ")) {
    while (textWidth(word) > width) {
      if (line) {
        lines.push(line);
        line = "";
      }
      const chars = [...word];
      lines.push(chars.slice(0, width).join(""));
      word = chars.slice(width).join("");
    }
    if (!line) line = word;
    else if (textWidth(line) + 1 + textWidth(word) <= width) line += " " + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
