package io.liandong.scenario;

/** The scenario could not go on: a service refused a step, or a fact did not come in time. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
