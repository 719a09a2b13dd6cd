"use client";

import { useCallback, useEffect, useRef } from "react";

/** Longest stretch credited between two events: a tab left open on a ward PC earns nothing more. */
const MAX_SECONDS_PER_EVENT = 300;

/** Counts the seconds the page is visible; each call returns the seconds since the last call. */
export function useActiveTime(): () => number {
  const accumulated = useRef(0);
  const visibleSince = useRef<number | null>(null);

  useEffect(() => {
    const update = () => {
      if (document.visibilityState === "visible") {
        visibleSince.current ??= performance.now();
      } else if (visibleSince.current !== null) {
        accumulated.current += performance.now() - visibleSince.current;
        visibleSince.current = null;
      }
    };
    update();
    document.addEventListener("visibilitychange", update);

    return () => document.removeEventListener("visibilitychange", update);
  }, []);

  return useCallback(() => {
    const now = performance.now();
    const running = visibleSince.current === null ? 0 : now - visibleSince.current;
    if (visibleSince.current !== null) visibleSince.current = now;
    const seconds = Math.round((accumulated.current + running) / 1000);
    accumulated.current = 0;

    return Math.min(seconds, MAX_SECONDS_PER_EVENT);
  }, []);
}
