package io.liandong.platform.error;

import java.util.List;

/** Input that is well-formed but breaks a rule (an unknown category, a date in the past): 422, naming each field. */
public class InvalidInputException extends ProblemException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "invalid-input";
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
