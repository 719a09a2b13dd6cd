import { fileDownload } from "./file-download";

/**
 * A CSV file download streamed from an async generator of text chunks, pulled only as fast as
 * the client reads (a large establishment's export never sits in memory); closing the download
 * stops the generator, and with it the database cursor behind it.
 */
export function csvDownload(
  chunks: AsyncGenerator<string, void, undefined>,
  filenamePrefix: string,
  now = new Date(),
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });

  return fileDownload(stream, {
    type: "text/csv; charset=utf-8",
    name: `${filenamePrefix}-${now.toISOString().slice(0, 10)}.csv`,
  });
}
