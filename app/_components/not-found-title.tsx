"use client";

import { useEffect } from "react";

/**
 * Puts the not-found page's title back once the page has hydrated: the flight data of a page that
 * ended in notFound() still carries that page's own metadata, which React applies over the
 * server's <title> (Next.js 16.4).
 */
export function NotFoundTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);

  return null;
}
