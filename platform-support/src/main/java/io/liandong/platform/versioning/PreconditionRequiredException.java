package io.liandong.platform.versioning;

import io.liandong.platform.error.ProblemException;

/** A change to a versioned resource came without If-Match: 428 (RFC 6585), so no update is ever blind. */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String what, String id) {
        super("changing " + what + " " + id + " needs an If-Match header with its current ETag; read it first");
    }

    @Override
    public int status() {
        return 428;
    }

    @Override
    public String kind() {
        return "precondition-required";
    }

    @Override
    public String title() {
        return "Precondition required";
    }
}
