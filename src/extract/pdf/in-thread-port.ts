/**
 * The port between pdf.js's API and its worker when both run in this thread,
 * copying operator lists shallowly instead of deeply.
 *
 * pdf.js runs its worker in-process here (a "fake worker") and connects the two
 * sides with a LoopbackPort that passes every message through structuredClone,
 * as if it crossed a thread. For the reader that meant deep-copying every
 * operator list: each text-showing operation's glyph objects, each path's
 * coordinates. That was the largest single item of the reading thread's CPU
 * (LoopbackPort.postMessage, 7–8%), plus the garbage the copies leave.
 *
 * This port delivers messages as LoopbackPort does (to every listener, after a
 * microtask), structured-cloned as there, except the chunks of an operator
 * list (a stream message whose chunk has `fnArray` and `argsArray`): those get
 * new `fnArray` and `argsArray` arrays holding the same operations' arguments.
 * The new arrays are needed because the worker empties its own right after
 * sending (OperatorList.flush sets their length to 0); the arguments
 * themselves are shared, which is safe because neither side changes them once
 * the chunk is sent: the worker builds new argument arrays for every operation
 * (cached glyph arrays are only ever read), and the API side and the reader
 * only read them.
 */
import { loadPdfWorker, PDFWorker } from "./pdfjs.js";

/** StreamKind.ENQUEUE in pdf.js's message_handler.js: a chunk of a stream (operator list, text content). */
const STREAM_ENQUEUE = 4;

/** What postMessage may transfer (structuredClone's `transfer` option). */
type Transfer = NonNullable<NonNullable<Parameters<typeof structuredClone>[1]>["transfer"]>;

type Listener = (event: { data: unknown }) => void;

interface MessageLike {
  stream?: number;
  chunk?: { fnArray?: unknown; argsArray?: unknown };
}

export class InThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();

  postMessage(obj: unknown, transfer?: Transfer): void {
    const event = { data: copyOf(obj, transfer) };
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_name: string, listener: Listener, options: { signal?: AbortSignal } | null = null): void {
    let rmAbort: (() => void) | null = null;
    const signal = options?.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = (): void => this.removeEventListener(_name, listener);
      rmAbort = () => signal.removeEventListener("abort", onAbort);
      signal.addEventListener("abort", onAbort);
    }
    this.#listeners.set(listener, rmAbort);
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const [, rmAbort] of this.#listeners) rmAbort?.();
    this.#listeners.clear();
  }
}

function copyOf(obj: unknown, transfer: Transfer | undefined): unknown {
  const m = obj as MessageLike | null;
  const chunk = m?.stream === STREAM_ENQUEUE ? m.chunk : undefined;
  if (chunk && Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
    return { ...m, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
  }
  return structuredClone(obj, transfer ? { transfer } : undefined);
}

/** PDFWorker's `port` (a DOM Worker type this build has no lib for). */
type WorkerPort = NonNullable<NonNullable<ConstructorParameters<typeof PDFWorker>[0]>["port"]>;

interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: InThreadPort): void };
}

/**
 * A pdf.js worker for one document, run in this thread over an InThreadPort.
 * Give it to getDocument as `worker`; pdf.js does not destroy a worker it was
 * given, so the caller destroys it with the document.
 */
export async function inThreadWorker(): Promise<PDFWorker> {
  await loadPdfWorker();
  const port = new InThreadPort();
  (globalThis as unknown as { pdfjsWorker: WorkerModule }).pdfjsWorker.WorkerMessageHandler.initializeFromPort(port);
  // verbosity 0 as documentParams says: the worker side keeps its own level, sent at "configure".
  return new PDFWorker({ port: port as unknown as WorkerPort, verbosity: 0 });
}
