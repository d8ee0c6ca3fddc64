package org.stimtrial.odm;

import java.io.IOException;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation of an ODM document against the ODM 1.3.2 structure of what the trial reads
 * ({@code odm-1-3-2-clinical-data.xsd} beside this class): element order and cardinality, required attributes,
 * enumerations ({@code TransactionType}, {@code FileType}) and the datatypes of time stamps and typed items. The
 * document is read through the same safe parser as {@link XmlCursor} (no DTD, no external entities), and the schema
 * itself never loads anything from outside.
 */
public final class OdmSchema {
    private static final String RESOURCE = "odm-1-3-2-clinical-data.xsd";
    private static final Schema SCHEMA = compile();
    private static final Pattern ERROR_CODE = Pattern.compile("^cvc-[\\w.-]+: ");

    private OdmSchema() {
    }

    /** Refuses the document with the first place where it breaks the ODM 1.3.2 structure. */
    public static void validate(byte[] content) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the XML validator cannot be made safe", e);
        }
        try (XmlCursor cursor = XmlCursor.open(content)) {
            validator.validate(new StAXSource(cursor.reader()));
        } catch (SAXException | IOException e) {
            Optional<SAXParseException> parse = parseError(e);
            throw new XmlRefusedException("not valid ODM 1.3.2" + parse.map(OdmSchema::at).orElse("") + ": "
                    + reason(parse.<Throwable>map(p -> p).orElse(e)));
        }
    }

    private static String at(SAXParseException e) {
        return e.getLineNumber() < 0 ? "" : " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
    }

    /** The validator wraps the parse error of a StAX source in transformer and stream exceptions. */
    private static Optional<SAXParseException> parseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException parse) {
                return Optional.of(parse);
            }
        }
        return Optional.empty();
    }

    private static String reason(Throwable e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return ERROR_CODE.matcher(message).replaceFirst("");
    }

    private static Schema compile() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL schema = OdmSchema.class.getResource(RESOURCE);
            if (schema == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return factory.newSchema(schema);
        } catch (SAXException e) {
            throw new IllegalStateException("the ODM schema " + RESOURCE + " does not compile", e);
        }
    }
}
