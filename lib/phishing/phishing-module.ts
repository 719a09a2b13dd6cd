/** The module that follows an exercise: courses/modules/hameconnage (7 minutes). */
export const PHISHING_MODULE_ID = "hameconnage";
