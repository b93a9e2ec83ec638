package io.liandong.platform.error;

/** The caller's If-Match names a version that is no longer current: 412. */
public class StaleVersionException extends ProblemException {

    public StaleVersionException(String what, String id, String expected, String actual) {
        super(what + " " + id + " is at version " + actual + ", not " + expected + "; read it again and retry");
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String kind() {
        return "stale-version";
    }

    @Override
    public String title() {
        return "Precondition failed";
    }
}
