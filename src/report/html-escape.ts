/** Escaping for text and attribute values in HTML and inline SVG: titles carry quotes, < and &. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(text: string | number | null | undefined): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A relative file path as a URL path: each segment percent-encoded ("#", "?", spaces). */
export function fileHref(relativePath: string): string {
  return relativePath
    .split(/[\\/]/)
    .map((seg) => (seg === ".." || seg === "." ? seg : encodeURIComponent(seg)))
    .join("/");
}
