/**
 * Decompression with the platform's own DecompressionStream (browsers, and Node since 18),
 * so the same reader runs in the window and in `npm run export`.
 */

/** One chunk as a stream (a copy: the stream must own an ArrayBuffer, never a shared one). */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  const copy = new Uint8Array(bytes);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(copy);
      controller.close();
    },
  });
}

/** A whole gzip member's text, or null when it is damaged (a bad CRC, a bad stream). */
export async function inflateMember(bytes: Uint8Array): Promise<string | null> {
  try {
    const stream = streamOf(bytes).pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    return null;
  }
}

/**
 * As much of a cut-short member's text as decompresses: its deflate data from the header on,
 * stopping where the bytes end. What a recording cut short (a crash, a full disk) still holds.
 */
export async function inflatePrefix(bytes: Uint8Array, headerBytes: number): Promise<string> {
  const decoder = new TextDecoder();
  const reader = streamOf(bytes.subarray(headerBytes))
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The end of the bytes, mid-stream: keep what came before it.
  }
  return text;
}
