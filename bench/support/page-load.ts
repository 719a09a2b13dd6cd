import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

export type PageFigures = { rps: number; p50_ms: number; p95_ms: number };

/** The connection counts every page benchmark measures at. */
export const CONNECTION_LEVELS = [1, 8, 32] as const;

/**
 * Views per second and p50/p95 latency of each page at 1, 8 and 32 connections (or `levels`) for `seconds`
 * each, printed as they come; any error or non-2xx answer fails the run. A page given as several
 * paths is one view of them all, asked one after the other on one connection as a browser does
 * (the module shell, then its state request): its rate counts views, its latency the whole view.
 * Returns `{ [page]: { [connections]: figures } }`, the shape of bench:pages' JSON.
 */
export async function measurePages(
  baseUrl: string,
  pages: Record<string, string | readonly string[]>,
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
      const paths = typeof path === "string" ? [path] : path;
      const views = hdr.build({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 10_000,
        numberOfSignificantValueDigits: 3,
      });
      type ViewContext = { startedAt?: number };
      const run = await autocannon({
        url: baseUrl + paths[0],
        connections,
        duration: options.seconds,
        headers: options.headers,
        histograms: { latencies },
        ...(paths.length > 1 && {
          requests: paths.map((one, index) => ({
            path: one,
            ...(index === 0 && {
              setupRequest: (request: object, context: ViewContext) => {
                context.startedAt = performance.now();
                return request;
              },
            }),
            ...(index === paths.length - 1 && {
              onResponse: (_status: number, _body: string, context: ViewContext) => {
                if (context.startedAt !== undefined)
                  views.recordValue(Math.max(1, performance.now() - context.startedAt));
              },
            }),
          })),
        }),
      } as autocannon.Options);
      if (run.non2xx > 0 || run.errors > 0) throw new Error(`${paths}: ${run.non2xx} non-2xx and ${run.errors} errors`);
      const whole = paths.length > 1 ? views : latencies;
      const figures = {
        rps: Math.round(run.requests.average / paths.length),
        p50_ms: paths.length > 1 ? whole.getValueAtPercentile(50) : run.latency.p50,
        p95_ms: whole.getValueAtPercentile(95),
      };
      results[name][connections] = figures;
      console.log(
        `${name} at ${connections} connection(s): ${figures.rps} req/s, p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`,
      );
    }
  }

  return results;
}
