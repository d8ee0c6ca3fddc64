/**
 * The site's worklist: for each participant within a user's sites, where they stand, which visit is due next and
 * by when, which visits are overdue (window closed with nothing recorded) and how many data queries wait for the
 * site. Read in a few set-based queries, never one participant at a time.
 */
package org.stimtrial.worklist;
