import type { LayoutDocument } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
export function readHtml(_text: string, file: string, _opts: ReaderSettings): LayoutDocument {
  throw new DocumentError("unsupported", file, "HTML reader not implemented yet");
}
