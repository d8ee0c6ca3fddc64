package org.stimtrial.odm;

/** An XML document that is refused as a whole: not well-formed, a DOCTYPE, or not the document expected. */
public final class XmlRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XmlRefusedException(String reason) {
        super(reason);
    }
}
