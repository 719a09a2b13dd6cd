/** The id of the reminder form, which the learner table's checkboxes name in their form attribute. */
export const REMIND_FORM_ID = "relance";
