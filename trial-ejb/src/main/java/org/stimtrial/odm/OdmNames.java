package org.stimtrial.odm;

import java.util.Optional;

/**
 * The OIDs under which the trial's data appear in ODM: a visit {@code BL} is the study event {@code SE.BL}, the
 * instrument {@code VAS} the form {@code F.VAS} with one item group {@code IG.VAS}, its item {@code vas} the item
 * {@code I.VAS.vas}; the assessment date is the item {@code I.ASSESSED_ON} of every craving item group.
 */
public final class OdmNames {
    /** The ODM 1.3 namespace (used by 1.3.0 to 1.3.2). */
    public static final String NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3";
    /** The version written. */
    public static final String VERSION = "1.3.2";
    /** The date an instrument was completed (ISO 8601 date). */
    public static final String ASSESSED_ON = "I.ASSESSED_ON";

    private static final String EVENT = "SE.";
    private static final String FORM = "F.";
    private static final String GROUP = "IG.";
    private static final String ITEM = "I.";

    private OdmNames() {
    }

    public static String studyEvent(String visitCode) {
        return EVENT + visitCode;
    }

    public static String form(String instrument) {
        return FORM + instrument;
    }

    public static String itemGroup(String instrument) {
        return GROUP + instrument;
    }

    public static String item(String instrument, String itemCode) {
        return ITEM + instrument + "." + itemCode;
    }

    /** The visit code of a study event OID, e.g. {@code BL} for {@code SE.BL}. */
    public static Optional<String> visitOf(String studyEventOid) {
        return suffix(studyEventOid, EVENT);
    }

    /** The instrument code of a form OID, e.g. {@code VAS} for {@code F.VAS}. */
    public static Optional<String> instrumentOf(String formOid) {
        return suffix(formOid, FORM);
    }

    /** The item code of an item OID of {@code instrument}, e.g. {@code vas} for {@code I.VAS.vas}. */
    public static Optional<String> itemOf(String instrument, String itemOid) {
        return suffix(itemOid, ITEM + instrument + ".");
    }

    private static Optional<String> suffix(String oid, String prefix) {
        return oid.startsWith(prefix) && oid.length() > prefix.length()
                ? Optional.of(oid.substring(prefix.length())) : Optional.empty();
    }
}
