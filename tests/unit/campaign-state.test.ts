import { describe, expect, it } from "vitest";
import { campaignActions, campaignState } from "@/lib/phishing/campaign-state";

describe("a centre exercise's state, read from its parts", () => {
  it("is draft until launched, even when one establishment cancelled its part", () => {
    expect(campaignState(["draft", "draft"])).toBe("draft");
    expect(campaignState(["cancelled", "draft"])).toBe("draft");
    expect(campaignActions(["cancelled", "draft"])).toEqual({ launch: true, changes: ["cancel"] });
  });

  it("is running while a part runs, paused while one is paused, done when the rest is over", () => {
    expect(campaignState(["running", "done", "cancelled"])).toBe("running");
    expect(campaignState(["paused", "cancelled"])).toBe("paused");
    expect(campaignState(["done", "cancelled"])).toBe("done");
    expect(campaignActions(["running", "done"])).toEqual({ launch: false, changes: ["pause", "cancel"] });
    expect(campaignActions(["paused", "cancelled"])).toEqual({ launch: false, changes: ["resume", "cancel"] });
  });

  it("is cancelled only when every part is, and then offers nothing", () => {
    expect(campaignState(["cancelled", "cancelled"])).toBe("cancelled");
    expect(campaignActions(["cancelled", "done"])).toEqual({ launch: false, changes: [] });
  });
});
