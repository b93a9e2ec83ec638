package io.liandong.department.support;


import io.restassured.http.ContentType;
import java.util.UUID;
import io.liandong.platform.testing.As;

/** Agencies of the tests' own, so that each test reads an inbox no other test fills. */
public final class Agencies {

    private Agencies() {
    }

    public static String add(String role) {
        String id = "test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        As.hq().contentType(ContentType.JSON).body("""
                {"name": "Test agency %s", "role": "%s",
                 "onDuty": {"name": "值班员", "title": "duty officer", "contacts": [{"channel": "phone", "value": "+86 571 0000 0000"}]},
                 "updatedBy": "admin-01"}""".formatted(id, role))
                .put("/api/v1/admin/agencies/" + id).then().statusCode(201);
        return id;
    }
}
