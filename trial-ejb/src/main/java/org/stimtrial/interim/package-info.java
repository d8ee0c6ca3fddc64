/**
 * Interim and final analysis runs: a statistician asks for a run at a data cut-off; the snapshot is frozen and
 * stored with its content hash, the prespecified models run on a background thread (never a web request thread)
 * with their progress visible, and the results are stored with the engine version. Blinded statisticians see
 * pooled, arm-free results; the unblinded statistician (DSMB) sees results by arm. A rerun of a run's snapshot is a
 * new run whose results must be byte-identical.
 */
package org.stimtrial.interim;
