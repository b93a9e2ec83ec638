package io.liandong.dispatch.domain.playbook;

import io.liandong.platform.error.FieldError;
import io.liandong.platform.error.InvalidInputException;
import java.util.List;

/** A playbook that cannot run: every problem, each with the path of the value at fault (422). */
public class InvalidPlaybookException extends InvalidInputException {

    public InvalidPlaybookException(List<FieldError> errors) {
        super(errors);
    }
}
