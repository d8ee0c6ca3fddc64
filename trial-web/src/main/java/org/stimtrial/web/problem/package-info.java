/**
 * How the API tells a site coordinator or an integrating system what was wrong: RFC 9457 problem bodies with field
 * errors, never a stack trace, and a limit on request size.
 */
package org.stimtrial.web.problem;
