/**
 * Data queries: questions from data management (or from soft edit checks and imports) about one item of a subject's
 * data, answered by the site and closed by the data manager, each with its message thread.
 */
package org.stimtrial.query;
