/** Who is calling: accounts, sign-in (form and HTTP Basic), roles and the bootstrap admin. */
package io.switchboard.security;
