import { z } from "zod";
import { SCENARIO_ID_MAX_LENGTH, WORKING_DAYS } from "./exercise-window";

/** The sentences of the fields' refusals, in the namespace of the form that shows them. */
type FieldMessages = (key: "scenario" | "windowStartsOn" | "workingDays", values?: typeof WORKING_DAYS) => string;

/**
 * The fields an establishment's exercise and a centre's exercise both ask for, as FormData gives
 * them: the scenario, the window (first day, working days) and the module on a click. Each
 * refusal in the reader's words; the domain checks them again (createExerciseSchema).
 */
export function exerciseFormFields(message: FieldMessages) {
  const scenario = message("scenario");
  const workingDays = message("workingDays", WORKING_DAYS);

  return {
    scenarioId: z.string(scenario).min(1, scenario).max(SCENARIO_ID_MAX_LENGTH, scenario),
    windowStartsOn: z.iso.date(message("windowStartsOn")),
    workingDays: z.coerce
      .number(workingDays)
      .int(workingDays)
      .min(WORKING_DAYS.min, workingDays)
      .max(WORKING_DAYS.max, workingDays),
    assignModuleOnClick: z.literal("on").optional(),
  };
}
