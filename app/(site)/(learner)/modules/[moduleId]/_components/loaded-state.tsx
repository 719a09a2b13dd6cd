"use client";

import { createContext } from "react";
import type { ShellAnswer } from "@/lib/progress/module-state-answer";

/**
 * Told the state route's answer when FetchedStatePlayer (or the catalogue's shell) has it: the
 * prerendered shell draws the person's parts of the page (header, demo banner, SCORM download)
 * from it. Nobody listens elsewhere.
 */
export const LoadedStateContext = createContext<((answer: ShellAnswer) => void) | null>(null);
