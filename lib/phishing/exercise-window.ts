/**
 * How many working days an exercise's messages are spread over: the bounds of the table's CHECK
 * constraint (db/schema/phishing-exercises.ts), for the domain, the forms' fields and their
 * messages. No imports, so that a browser form may read it.
 */
export const WORKING_DAYS = { min: 1, max: 20 } as const;

/** The longest scenario id an exercise may name, for the domain and the forms alike. */
export const SCENARIO_ID_MAX_LENGTH = 100;
