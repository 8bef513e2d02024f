/** The Incident aggregate: opened on a customer system, routed, assigned, resolved; every step on its timeline. */
package io.switchboard.incidents;
