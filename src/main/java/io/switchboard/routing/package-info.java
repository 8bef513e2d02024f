/** Gets an incident to the right engineer: offer waves per severity policy, timeouts, declines, escalation. */
package io.switchboard.routing;
