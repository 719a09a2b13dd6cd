/**
 * A response the browser saves as a file rather than shows: its type, its name, never kept by a
 * shared cache (every download here is someone's data). The name is built by the caller from
 * dates and identifiers; anything else (a quote, a line break, a user's text) is refused rather
 * than put in the header.
 */
export function fileDownload(body: BodyInit, file: { type: string; name: string }): Response {
  if (!/^[\w.-]+$/.test(file.name)) throw new Error(`unsafe download file name: ${JSON.stringify(file.name)}`);

  return new Response(body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${file.name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
