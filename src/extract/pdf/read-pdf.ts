import type { LayoutDocument } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
export async function readPdf(_bytes: Uint8Array, file: string, _opts: ReaderSettings): Promise<LayoutDocument> {
  throw new DocumentError("unsupported", file, "PDF reader not implemented yet");
}
