/**
 * Site drop folders: {@code <root>/<site>/inbox/} receives a site's CSV files ({@code urine*.csv} for urine drug
 * screens, {@code craving*.csv} for craving assessments). A file taken in moves to {@code <site>/done/}; a file the
 * pipeline refuses outright (too large, unknown study) or that still fails after retries moves to
 * {@code <site>/failed/} with a {@code .reason.txt} beside it. Other files are left where they are.
 */
package org.stimtrial.integrations.folder;
