package io.liandong.platform.error;

/** The id names nothing this caller may see: 404. */
public class UnknownResourceException extends ProblemException {

    public UnknownResourceException(String what, String id) {
        super("no " + what + " with id " + id);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String kind() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
