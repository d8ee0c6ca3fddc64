/**
 * How data reaches the trial from outside: Apache Camel routes that only move bytes (from a site's drop folder, and
 * HL7 messages over MLLP) into the import pipeline of {@code org.stimtrial.imports}, which stores, parses, validates and
 * applies them. No parsing or validation happens in a route.
 */
package org.stimtrial.integrations;
