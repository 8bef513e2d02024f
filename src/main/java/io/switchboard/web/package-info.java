/**
 * The web edge shared by every module: domain exceptions, their RFC 9457 problem details,
 * request size limits and the single-page app's deep links.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.switchboard.web;
