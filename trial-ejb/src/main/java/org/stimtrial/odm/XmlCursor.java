package org.stimtrial.odm;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only reader of an XML document's elements (StAX, the JDK's own parser), safe for documents from
 * outside: a DOCTYPE declaration refuses the document, so that neither external entities (XXE) nor entity expansion
 * ("billion laughs") can happen; DTDs and external entities are also switched off in the parser itself.
 *
 * <p>Use: {@link #root} positions on the document element; inside an element, {@link #nextChild} moves to its next
 * child element or returns {@code false} at its end tag; a child is then read with {@link #text} or {@link #skip}, or
 * walked through with {@link #nextChild} in turn. Every problem is an {@link XmlRefusedException} with a reason a
 * person can act on.
 */
public final class XmlCursor implements AutoCloseable {
    private static final XMLInputFactory FACTORY = safeFactory();

    private final XMLStreamReader reader;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    public static XmlCursor open(byte[] content) {
        try {
            return new XmlCursor(FACTORY.createXMLStreamReader(new ByteArrayInputStream(content)));
        } catch (XMLStreamException e) {
            throw refused(e);
        }
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Moves to the document element. */
    public void root() {
        if (!nextChild()) {
            throw new XmlRefusedException("the document has no root element");
        }
    }

    /** Moves to the next child element of the current element; {@code false} when its end tag is reached. */
    public boolean nextChild() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        return true;
                    case XMLStreamConstants.END_ELEMENT:
                    case XMLStreamConstants.END_DOCUMENT:
                        return false;
                    case XMLStreamConstants.DTD:
                        throw new XmlRefusedException("a DOCTYPE declaration is not allowed (external entities and"
                                + " entity expansion are refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XmlRefusedException("the entity reference &" + reader.getLocalName()
                                + "; is not allowed" + at(reader.getLocation()));
                    default:
                        break;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw refused(e);
        }
    }

    /** The underlying safe reader, for a validator that walks the same document (before any other use). */
    XMLStreamReader reader() {
        return reader;
    }

    /** The current element's local name. */
    public String name() {
        return reader.getLocalName();
    }

    /** The current element's namespace URI, empty when it has none. */
    public String namespace() {
        return Optional.ofNullable(reader.getNamespaceURI()).orElse("");
    }

    /** An attribute of the current element (without a namespace), when present and not blank. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(reader.getAttributeValue(null, name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A required attribute of the current element. */
    public String required(String name) {
        return attribute(name).orElseThrow(() -> new XmlRefusedException(name() + " has no " + name + where()));
    }

    /** The current element's text content (the cursor ends on its end tag). */
    public String text() {
        try {
            return reader.getElementText().strip();
        } catch (XMLStreamException e) {
            throw refused(e);
        }
    }

    /** Skips the current element with everything inside it (the cursor ends on its end tag). */
    public void skip() {
        while (nextChild()) {
            skip();
        }
    }

    /** The line of the cursor, for messages. */
    public String where() {
        return at(reader.getLocation());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw refused(e);
        }
    }

    private static XmlRefusedException refused(XMLStreamException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("unreadable XML");
        int cut = message.indexOf("Message: ");
        String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        if (reason.contains("must start and end within the same entity")) {
            reason = "the document ends before it is complete (a cut-off file?)";
        }
        return new XmlRefusedException("not well-formed XML" + at(e.getLocation()) + ": " + reason.strip());
    }

    private static String at(Location location) {
        return location == null || location.getLineNumber() < 0 ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
