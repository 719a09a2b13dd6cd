/*
 * One cold certificate render, for bench/certificates.ts: run in a fresh process, it times the
 * first render (font files read and parsed, fontkit tables decoded) and prints it as JSON, with
 * the process's resident memory growth (RSS) from before the import to after 200 more renders.
 * Usage: tsx bench/certificates-cold.ts '<CertificatePdfData as JSON>'
 */
import { performance } from "node:perf_hooks";

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const importStart = performance.now();
  const { renderCertificatePdf } = await import("../lib/certificates/render-certificate-pdf");
  const importMs = performance.now() - importStart;

  const raw = JSON.parse(process.argv[2] ?? "{}");
  const data = { ...raw, completedAt: new Date(raw.completedAt), issuedAt: new Date(raw.issuedAt) };
  const start = performance.now();
  const bytes = await renderCertificatePdf(data);
  const firstMs = performance.now() - start;

  const names = ["Zoë Œuvray", "Анна Каренина", "فاطمة الزهراء", "Ærøskøbing-Ðorđević", "Nguyễn Thị Minh Khai"];
  for (let run = 0; run < 200; run++) await renderCertificatePdf({ ...data, learnerName: names[run % names.length] });
  const rssMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  console.log(JSON.stringify({ first_ms: firstMs, import_ms: importMs, bytes: bytes.length, rss_mb: rssMb }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
