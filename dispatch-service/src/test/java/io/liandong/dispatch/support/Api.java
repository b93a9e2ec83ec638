package io.liandong.dispatch.support;


import io.restassured.http.ContentType;
import io.liandong.platform.testing.As;

/** Calls the tests share. */
public final class Api {

    /** The Binjiang report from the domain story, severity medium so that health is not needed at first. */
    public static final String BINJIANG = """
            {"incidentType": "commercial-dispute",
             "disputeType": "rent-increase",
             "place": {"lat": 30.2084, "lon": 120.2119, "address": "滨江商圈管理处, 江南大道 1 号", "areaCode": "330108"},
             "severity": "medium",
             "estimatedCrowdSize": 120,
             "parties": [{"partyId": "merchants", "name": "滨江商圈商户代表", "side": "claimant"},
                         {"partyId": "management", "name": "Binjiang Property Management Co.", "side": "respondent"}],
             "description": "Merchants besieging the management office over a rent increase; onlookers gathering.",
             "reportedBy": "hq-operator-07"}
            """;

    private Api() {
    }

    public static String report(String body) {
        return As.hq().contentType(ContentType.JSON).body(body).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    public static String report() {
        return report(BINJIANG);
    }

    public static String etag(String path) {
        return As.hq().get(path).then().statusCode(200).extract().header("ETag");
    }

    public static String assignmentOf(String incidentId, String role) {
        return As.hq().get("/api/v1/incidents/" + incidentId + "/assignments").then().statusCode(200)
                .extract().path("find { it.agencyRole == '" + role + "' }.id");
    }
}
