/**
 * How the trial server stands on its platform: the database connection, schema migrations at start-up, the clock,
 * and the health check that tells operators whether data can be entered.
 */
package org.stimtrial.platform;
