package org.stimtrial.signature;

/** What a signature means (§11.50(a)(3)), shown with it wherever it is displayed. */
public enum SignatureMeaning {
    REVIEWED_AND_APPROVED("Reviewed and approved"),
    REVIEWED("Reviewed"),
    RESPONSIBILITY("I am responsible for these data");

    private final String text;

    SignatureMeaning(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
