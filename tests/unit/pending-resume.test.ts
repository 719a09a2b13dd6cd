import { describe, expect, it } from "vitest";
import {
  furthestPendingStep,
  resumeMarkScript,
} from "@/app/(site)/(learner)/modules/[moduleId]/_components/pending-resume";

const steps = [{ id: "a" }, { id: "b" }, { id: "c" }];
const viewed = (stepId: string, moduleId = "m") => ({
  eventId: stepId,
  learnerId: "l",
  moduleId,
  kind: "step_viewed",
  stepId,
  occurredAt: "",
});

describe("furthestPendingStep", () => {
  it("gives the latest and the furthest unsent step of this module, ignoring others", () => {
    expect(furthestPendingStep([viewed("c"), viewed("b"), viewed("a", "other"), viewed("zz")], "m", steps)).toEqual({
      latest: 1,
      furthest: 2,
    });
    expect(furthestPendingStep([viewed("a", "other")], "m", steps)).toBeNull();
  });
});

describe("resumeMarkScript", () => {
  it("cannot close its script element, whatever the ids contain", () => {
    expect(resumeMarkScript("</script><x>", "m", ["</script>"], 0)).not.toContain("</");
  });
});
