/** Who and what Switchboard knows: customers, their customized systems, and engineers with what they know. */
package io.switchboard.directory;
