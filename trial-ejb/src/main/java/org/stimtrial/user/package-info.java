/** The people who use the system and their roles (coordinator, investigator, data manager, statisticians, sponsor, administrator). */
package org.stimtrial.user;
