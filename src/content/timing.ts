/**
 * Every delay of the reading experience, in one place, each with the reason for its value.
 * (Wikipedia's Page Previews keeps its timings the same way; their values informed these.)
 */

/**
 * How long a card stays after the pointer leaves the name or the card. Page Previews uses
 * 300 ms; 10ten Japanese Reader's users report missing its popup on the way in, so we allow a
 * little more for the trip from the line into the card.
 */
export const CLOSE_GRACE_MS = 450;

/**
 * Pause between two slices of scanning. Slices end after SLICE_BUDGET_MS so the page's own
 * work (input, animation) always gets the main thread within a frame or two.
 */
export const SLICE_BUDGET_MS = 8;

/** How long after the last DOM change added content is scanned (live blogs batch their updates). */
export const MUTATION_DEBOUNCE_MS = 150;

/** How often our highlights are re-registered if a page script cleared CSS.highlights. */
export const REASSERT_INTERVAL_MS = 1000;

/**
 * A second step request within this time is the same key press arriving twice (the browser's
 * command and the page's keydown); key repeat is slower than this.
 */
export const STEP_REPEAT_MS = 150;

/** The toolbar badge is updated this long after a reading settles (not on every batch). */
export const BADGE_DEBOUNCE_MS = 250;
