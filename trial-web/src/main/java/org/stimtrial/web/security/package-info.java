/** Authentication of trial staff and the role each endpoint requires. */
package org.stimtrial.web.security;
