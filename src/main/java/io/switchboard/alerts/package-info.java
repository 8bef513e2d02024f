/** Live messages: the only user of the STOMP broker; turns facts from other modules into frames for whoever may see them. */
package io.switchboard.alerts;
