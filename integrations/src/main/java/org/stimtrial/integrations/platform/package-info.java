/**
 * Running the routes in the application server: the Camel context started and stopped with the application, its
 * endpoints from MicroProfile Config, its routes' status in {@code /health}.
 */
package org.stimtrial.integrations.platform;
