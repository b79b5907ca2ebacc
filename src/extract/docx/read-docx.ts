import type { LayoutDocument } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
export async function readDocx(_bytes: Uint8Array, file: string, _opts: ReaderSettings): Promise<LayoutDocument> {
  throw new DocumentError("unsupported", file, "DOCX reader not implemented yet");
}
