import { describe, expect, it } from "vitest";
import { assignmentCycle } from "@/lib/assignments/assignment-cycle";
import type { AssignmentTarget } from "@/lib/read-model/assignment-targets";
import type { PendingLearner } from "@/lib/reminders/pending-learners";
import { automaticKind } from "@/lib/reminders/send-automatic-reminders";

const asOf = new Date("2026-11-30T10:00:00Z");

function learner(status: PendingLearner["status"], dueOn: string, renewYearly = false): PendingLearner {
  const target: AssignmentTarget = {
    id: "a",
    teamId: null,
    subjectType: "module",
    subjectId: "cles-usb",
    subjectTitle: "Clés USB",
    moduleIds: ["cles-usb"],
    modulePositions: [1],
    renewYearly,
    cycle: assignmentCycle({ dueOn, renewYearly }, asOf),
  };

  return {
    userId: "u",
    email: "u@vigie.test",
    locale: "fr",
    status,
    pending: [{ target, status: status === "late" ? "late" : "not_started" }],
  };
}

describe("automaticKind", () => {
  it("reminds late learners after the due date", () => {
    expect(automaticKind(learner("late", "2026-11-01"), "2026-11-30", 7)).toBe("after_due");
  });

  it("reminds before the due date only within the days set, due date included", () => {
    expect(automaticKind(learner("not_started", "2026-12-07"), "2026-11-30", 7)).toBe("before_due");
    expect(automaticKind(learner("in_progress", "2026-11-30"), "2026-11-30", 7)).toBe("before_due");
    expect(automaticKind(learner("not_started", "2026-12-08"), "2026-11-30", 7)).toBeNull();
  });

  it("uses the current cycle's deadline of a yearly renewal", () => {
    expect(automaticKind(learner("not_started", "2025-12-03", true), "2026-11-30", 7)).toBe("before_due");
  });
});
