/** Persistence helpers every module's entities share. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.switchboard.persistence;
