// The browser side of "progress is never lost": every event is written to localStorage
// before it is sent, sent in batches, and removed only once the server has answered for it.
// Two tabs may send the same event; the server stores it once.

export type PendingEvent = {
  eventId: string;
  learnerId: string;
  moduleId: string;
  kind: string;
  stepId: string;
  occurredAt: string;
} & Record<string, unknown>;

export type QuizOutcome = {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: {
    questionId: string;
    correct: boolean;
    selected: string[];
    expected: string[];
    explanationHtml?: string;
  }[];
};

export type SaveState = "saved" | "saving" | "late" | "signed_out" | "stale";

type Listener = (state: SaveState, pending: number) => void;

const BATCH_SIZE = 50;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Saving that takes longer than this is shown to the learner as late. */
const LATE_AFTER_MS = 4_000;

export class EventQueue {
  private readonly storageKey: string;
  private sending = false;
  /** Set when events arrive while a batch is on its way: send again once it is answered. */
  private flushAgain = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lateTimer: ReturnType<typeof setTimeout> | undefined;
  private state: SaveState = "saved";
  private readonly listeners = new Set<Listener>();
  private readonly results = new Map<string, (result: QuizOutcome | null) => void>();
  /** Used instead of localStorage when it is disabled or full. */
  private memory: PendingEvent[] = [];
  private storageBroken = false;

  constructor(
    learnerId: string,
    private readonly endpoint = "/api/progress/events",
  ) {
    this.storageKey = `vigie.pending-events.v1.${learnerId}`;
  }

  start(): () => void {
    const flushNow = () => void this.flush();
    const flushOnHide = () => document.visibilityState === "hidden" && void this.flush(true);
    window.addEventListener("online", flushNow);
    document.addEventListener("visibilitychange", flushOnHide);
    void this.flush();

    return () => {
      window.removeEventListener("online", flushNow);
      document.removeEventListener("visibilitychange", flushOnHide);
      clearTimeout(this.retryTimer);
      clearTimeout(this.lateTimer);
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.state === "saved" && this.pending().length > 0) this.state = "saving";
    listener(this.state, this.pending().length);

    return () => this.listeners.delete(listener);
  }

  /** Keeps the event on this device, then tries to send it. */
  enqueue(event: PendingEvent): void {
    this.write([...this.pending(), event]);
    void this.flush();
  }

  /** Resolves with the server's grading of a quiz event, however many retries it takes; null if refused. */
  waitForQuizResult(eventId: string): Promise<QuizOutcome | null> {
    return new Promise((resolve) => this.results.set(eventId, resolve));
  }

  pending(): PendingEvent[] {
    if (this.storageBroken) return this.memory;
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) ?? "[]") as PendingEvent[];
    } catch {
      return this.memory;
    }
  }

  async flush(keepalive = false): Promise<void> {
    if (this.state === "stale" || this.state === "signed_out") return;
    if (this.sending) {
      this.flushAgain = true;
      return;
    }
    const batch = this.pending().slice(0, BATCH_SIZE);
    if (batch.length === 0) return this.setState("saved");

    this.sending = true;
    this.setState(this.state === "late" ? "late" : "saving");
    clearTimeout(this.retryTimer);
    this.lateTimer ??= setTimeout(() => this.state === "saving" && this.setState("late"), LATE_AFTER_MS);
    try {
      const response = await fetch(this.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ events: batch }),
        keepalive,
        credentials: "same-origin",
      });
      await this.handleResponse(response, batch);
    } catch {
      this.setState("late");
      this.scheduleRetry();
    } finally {
      this.sending = false;
      if (this.flushAgain) {
        this.flushAgain = false;
        void this.flush();
      }
    }
  }

  private async handleResponse(response: Response, batch: PendingEvent[]): Promise<void> {
    const body = (await response.json().catch(() => ({}))) as {
      outcomes?: { eventId: string; quizResult?: QuizOutcome }[];
      code?: string;
      rejected?: { eventId: string }[];
    };
    if (response.ok) {
      this.remove(new Set(batch.map((event) => event.eventId)));
      for (const outcome of body.outcomes ?? []) {
        if (outcome.quizResult) this.results.get(outcome.eventId)?.(outcome.quizResult);
        this.results.delete(outcome.eventId);
      }
      this.attempt = 0;
      clearTimeout(this.lateTimer);
      this.lateTimer = undefined;
      if (this.pending().length > 0) this.flushAgain = true;
      else this.setState("saved");
      return;
    }
    if (response.status === 401 || body.code === "stale_content") {
      clearTimeout(this.lateTimer);
      this.lateTimer = undefined;
      return this.setState(response.status === 401 ? "signed_out" : "stale");
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      // The server will never take these: drop the ones it named (or the whole batch) and go on.
      const refused = body.rejected?.length
        ? new Set(body.rejected.map((r) => r.eventId))
        : new Set(batch.map((e) => e.eventId));
      this.remove(refused);
      for (const eventId of refused) {
        this.results.get(eventId)?.(null);
        this.results.delete(eventId);
      }
      if (this.pending().length > 0) this.flushAgain = true;
      else this.setState("saved");
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private remove(eventIds: Set<string>): void {
    this.write(this.pending().filter((event) => !eventIds.has(event.eventId)));
  }

  private write(events: PendingEvent[]): void {
    this.memory = events;
    if (this.storageBroken) return;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(events));
    } catch {
      // Storage full or disabled: the events still go out from memory while this page lives.
      this.storageBroken = true;
    }
  }

  private setState(state: SaveState): void {
    this.state = state;
    const pending = this.pending().length;
    for (const listener of this.listeners) listener(state, pending);
  }
}
