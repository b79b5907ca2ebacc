/** Races a promise against the per-file deadline (ReaderSettings.timeoutMs). */
import { DocumentError } from "../../shared/errors.js";

export function checkDeadline(deadline: number, file: string): void {
  if (Date.now() > deadline) throw timeoutError(file);
}

function timeoutError(file: string): DocumentError {
  return new DocumentError("timeout", file, "took too long to read (time limit exceeded)");
}

export async function withDeadline<T>(p: Promise<T>, deadline: number, file: string): Promise<T> {
  // The abandoned promise may still reject later (pdf.js rejects pending work
  // with "Worker was destroyed" when the document is torn down): mark it handled.
  p.catch(() => undefined);
  const left = deadline - Date.now();
  if (left <= 0) throw timeoutError(file);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(file)), left);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}
