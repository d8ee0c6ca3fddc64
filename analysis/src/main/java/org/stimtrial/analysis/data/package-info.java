/** Long-format analysis tables (one row per subject and visit), read from CSV with NA for missing values. */
package org.stimtrial.analysis.data;
