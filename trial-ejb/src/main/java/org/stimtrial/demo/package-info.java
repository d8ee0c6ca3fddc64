/**
 * The demo study: a generated five-arm, five-site trial with about a hundred participants and realistic visit
 * histories, loaded through the real services so that the run command shows a living system. Its allocations are
 * drawn by the generator and marked DEMO_ONLY.
 */
package org.stimtrial.demo;
