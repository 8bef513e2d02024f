/**
 * When each engineer can be reached: weekly working hours and on-call windows in the engineer's own time zone,
 * and dated overrides (holidays, swapped shifts) that win over the weekly pattern.
 */
package io.switchboard.schedules;
