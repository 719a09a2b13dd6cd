import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

export type PageFigures = { rps: number; p50_ms: number; p95_ms: number };

/** The connection counts every page benchmark measures at. */
export const CONNECTION_LEVELS = [1, 8, 32] as const;

/**
 * Requests per second and p50/p95 latency of each page at 1, 8 and 32 connections (or `levels`) for `seconds`
 * each, printed as they come; any error or non-2xx answer fails the run. Returns
 * `{ [page]: { [connections]: figures } }`, the shape of bench:pages' JSON.
 */
export async function measurePages(
  baseUrl: string,
  pages: Record<string, string>,
  options: { seconds: number; headers: Record<string, string>; levels?: readonly number[] },
) {
  const results: Record<string, Record<string, PageFigures>> = {};
  for (const [name, path] of Object.entries(pages)) {
    results[name] = {};
    for (const connections of options.levels ?? CONNECTION_LEVELS) {
      // Our own latency histogram, so that p95 is read exactly (autocannon reports p90 and p97.5).
      const latencies = hdr.build({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 10_000,
        numberOfSignificantValueDigits: 3,
      });
      const run = await autocannon({
        url: baseUrl + path,
        connections,
        duration: options.seconds,
        headers: options.headers,
        histograms: { latencies },
      } as autocannon.Options);
      if (run.non2xx > 0 || run.errors > 0) throw new Error(`${path}: ${run.non2xx} non-2xx and ${run.errors} errors`);
      const figures = {
        rps: Math.round(run.requests.average),
        p50_ms: run.latency.p50,
        p95_ms: latencies.getValueAtPercentile(95),
      };
      results[name][connections] = figures;
      console.log(
        `${name} at ${connections} connection(s): ${figures.rps} req/s, p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`,
      );
    }
  }

  return results;
}
