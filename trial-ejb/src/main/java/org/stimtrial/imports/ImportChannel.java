package org.stimtrial.imports;

/** How a batch arrived. */
public enum ImportChannel {
    /** A site's drop folder. */
    SITE_FOLDER,
    /** A site's SFTP drop. */
    SFTP,
    /** HL7 v2 over MLLP from a central lab. */
    MLLP,
    /** CDISC ODM from the ePRO system. */
    EPRO,
    /** Uploaded by a data manager through the API. */
    UPLOAD
}
