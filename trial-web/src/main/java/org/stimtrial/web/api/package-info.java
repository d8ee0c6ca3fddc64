/**
 * The trial's REST API: studies, participants, visits and their forms, adverse events, data queries and the audit
 * trail. Every endpoint declares the roles that may call it; every error is an RFC 9457 problem.
 */
package org.stimtrial.web.api;
