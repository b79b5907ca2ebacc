import type { LayoutDocument } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
export function readText(_text: string, file: string, _opts: ReaderSettings): LayoutDocument {
  throw new DocumentError("unsupported", file, "text reader not implemented yet");
}
