import { MAX_TEXT_CHARS } from './extract';

/** Largest request body read, in bytes: 100,000 characters of text, at up to 6 bytes each as JSON escapes. */
export const MAX_BODY_BYTES = MAX_TEXT_CHARS * 6 + 1000;

export type BodyResult = { text: string } | { status: number; body: { error: string } };

/**
 * Reads a request body as UTF-8 with the size limit applied while reading: a 600 MB upload is refused
 * (413) after the first MAX_BODY_BYTES, never held in memory. Bytes that are not UTF-8 answer 415.
 */
export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const tooLarge = (n: string) => ({ status: 413, body: { error: `body too large: ${n} bytes, at most ${maxBytes} (${MAX_TEXT_CHARS} characters of "text")` } });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(String(declared));
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(`over ${maxBytes}`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { status: 415, body: { error: 'body is not UTF-8 text: send the article as UTF-8' } };
  }
}
