package org.stimtrial.visit;

/** Who tested the specimen: the site's point-of-care cup or the central laboratory. */
public enum SpecimenSource {
    SITE_POC, CENTRAL_LAB
}
