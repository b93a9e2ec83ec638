package io.liandong.grievance.open311;

/** An error answered in Open311's format: {@code [{"code": 403, "description": "..."}]} or {@code <errors><error>}. */
public class Open311Exception extends RuntimeException {

    private final int status;

    public Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
