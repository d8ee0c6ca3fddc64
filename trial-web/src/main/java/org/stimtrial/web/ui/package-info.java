/**
 * The web UI (Jakarta Faces): signing in and out, and the pages site staff, data managers, statisticians and
 * sponsors work in. Pages call the same services as the REST API, with the same role and site checks.
 */
package org.stimtrial.web.ui;
