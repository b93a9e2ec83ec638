package io.liandong.platform.error;

/** The change is not allowed from the current state (e.g. closing a reported incident): 409. */
public class IllegalStateChangeException extends ProblemException {

    public IllegalStateChangeException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String kind() {
        return "illegal-state-change";
    }

    @Override
    public String title() {
        return "Not allowed in the current state";
    }
}
