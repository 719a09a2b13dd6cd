/*
 * One cold certificate render, for bench/certificates.ts: run in a fresh process, it times the
 * first render (font files read and parsed, fontkit tables decoded) and prints it as JSON.
 * Usage: tsx bench/certificates-cold.ts '<CertificatePdfData as JSON>'
 */
import { performance } from "node:perf_hooks";

async function main(): Promise<void> {
  const importStart = performance.now();
  const { renderCertificatePdf } = await import("../lib/certificates/render-certificate-pdf");
  const importMs = performance.now() - importStart;

  const raw = JSON.parse(process.argv[2] ?? "{}");
  const data = { ...raw, completedAt: new Date(raw.completedAt), issuedAt: new Date(raw.issuedAt) };
  const start = performance.now();
  const bytes = await renderCertificatePdf(data);
  const firstMs = performance.now() - start;

  console.log(JSON.stringify({ first_ms: firstMs, import_ms: importMs, bytes: bytes.length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
