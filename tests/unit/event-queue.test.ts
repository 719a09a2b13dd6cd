import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventQueue, type PendingEvent } from "@/app/(site)/(learner)/modules/[moduleId]/_components/event-queue";

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const event = (id: string): PendingEvent => ({
  eventId: id,
  learnerId: "l",
  moduleId: "m",
  kind: "step_viewed",
  stepId: "s",
  occurredAt: "2026-11-02T08:00:00Z",
});
const ok = (events: { eventId: string }[]) =>
  new Response(JSON.stringify({ outcomes: events.map((e) => ({ eventId: e.eventId, status: "recorded" })) }), {
    status: 200,
  });
const sentIds = (call: unknown[]) =>
  (JSON.parse((call[1] as RequestInit).body as string) as { events: PendingEvent[] }).events.map((e) => e.eventId);

describe("EventQueue", () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("localStorage", new MemoryStorage());
    fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("keeps events while the network is down, says saving is late, and sends them when it is back", async () => {
    const states: string[] = [];
    fetchMock.mockRejectedValueOnce(new TypeError("offline")).mockRejectedValueOnce(new TypeError("offline"));
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => ok(JSON.parse(init.body as string).events));
    const queue = new EventQueue("l");
    queue.subscribe((state) => states.push(state));

    queue.enqueue(event("1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.pending()).toHaveLength(1);
    expect(states.at(-1)).toBe("late");

    queue.enqueue(event("2"));
    await vi.advanceTimersByTimeAsync(5_000);

    expect(queue.pending()).toEqual([]);
    expect(states.at(-1)).toBe("saved");
    expect(fetchMock.mock.calls.flatMap(sentIds)).toContain("2");
  });

  it("survives a reload: a new queue for the same learner sends what the old one kept", async () => {
    fetchMock.mockRejectedValue(new TypeError("offline"));
    new EventQueue("l").enqueue(event("1"));
    await vi.advanceTimersByTimeAsync(0);

    fetchMock.mockReset();
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => ok(JSON.parse(init.body as string).events));
    const reloaded = new EventQueue("l");
    await reloaded.flush();

    expect(fetchMock.mock.calls.flatMap(sentIds)).toEqual(["1"]);
    expect(reloaded.pending()).toEqual([]);
  });

  it("sends events queued while a batch is on its way once that batch is answered", async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => ok(JSON.parse(init.body as string).events));
    const queue = new EventQueue("l");

    queue.enqueue(event("1"));
    queue.enqueue(event("2"));
    answer(ok([event("1")]));
    await vi.advanceTimersByTimeAsync(0);

    expect(fetchMock.mock.calls.map(sentIds)).toEqual([["1"], ["2"]]);
    expect(queue.pending()).toEqual([]);
  });

  it("drops only the events the server refused and resends the others", async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ code: "not_found", rejected: [{ eventId: "bad" }] }), { status: 404 }),
    );
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => ok(JSON.parse(init.body as string).events));
    const queue = new EventQueue("l");
    localStorage.setItem("vigie.pending-events.v1.l", JSON.stringify([event("good"), event("bad")]));

    await queue.flush();
    await vi.advanceTimersByTimeAsync(0);

    expect(fetchMock.mock.calls.map(sentIds)).toEqual([["good", "bad"], ["good"]]);
    expect(queue.pending()).toEqual([]);
  });

  it("stops and says so when the session has expired, keeping the events", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ code: "unauthenticated" }), { status: 401 }));
    const queue = new EventQueue("l");
    const states: string[] = [];
    queue.subscribe((state) => states.push(state));

    queue.enqueue(event("1"));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(states.at(-1)).toBe("signed_out");
    expect(queue.pending()).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
