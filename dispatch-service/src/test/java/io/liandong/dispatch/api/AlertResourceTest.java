package io.liandong.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.alert.AlertMessageType;
import io.liandong.contracts.alert.AlertPublished;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.dispatch.domain.alert.CapXmlTest;
import io.liandong.dispatch.support.Api;
import io.liandong.dispatch.support.Db;
import io.liandong.platform.time.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class AlertResourceTest {

    static final String ALERT = """
            {"headline": "滨江商圈管理处周边请绕行", "instruction": "请从东侧出口离开，勿围观 (use the east exit)",
             "responseType": "Avoid", "radiusKm": 0.3, "sentBy": "hq-operator-07"}
            """;

    @Inject
    MovableClock clock;

    @Test
    void anAlertIsIssuedUpdatedAndCancelledAsValidCap() throws Exception {
        String incident = Api.report();
        String alerts = "/api/v1/incidents/" + incident + "/alerts";
        String id = As.hq().contentType(ContentType.JSON).body(ALERT).post(alerts).then().statusCode(201)
                .body("msgType", equalTo("alert")).body("circle", equalTo("30.2084,120.2119 0.3"))
                .body("severity", equalTo("Moderate")).body("event", containsString("commercial dispute"))
                .extract().path("id");
        String path = alerts + "/" + id;

        Document first = CapXmlTest.validate(As.hq().accept("application/cap+xml").get(path + "/cap").then().statusCode(200)
                .contentType(containsString("application/cap+xml")).extract().asString());
        assertThat(first.getDocumentElement().getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
        assertThat(CapXmlTest.text(first, "msgType")).isEqualTo("Alert");
        assertThat(CapXmlTest.text(first, "status")).isEqualTo("Actual");
        assertThat(CapXmlTest.text(first, "scope")).isEqualTo("Public");
        assertThat(CapXmlTest.text(first, "incidents")).isEqualTo(incident);
        assertThat(CapXmlTest.text(first, "references")).isNull();
        assertThat(CapXmlTest.text(first, "headline")).isEqualTo("滨江商圈管理处周边请绕行");
        String firstIdentifier = CapXmlTest.text(first, "identifier");

        clock.advance(Duration.ofMinutes(5));
        String polygon = ALERT.replace("\"radiusKm\": 0.3,", "\"polygon\": [{\"lat\": 30.20, \"lon\": 120.20}, "
                + "{\"lat\": 30.21, \"lon\": 120.20}, {\"lat\": 30.21, \"lon\": 120.22}],")
                .replace("use the east exit", "east exit closed, use the underpass");
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(polygon).put(path)
                .then().statusCode(200).body("msgType", equalTo("update")).body("references", hasSize(1));
        Document update = CapXmlTest.validate(As.hq().get(path + "/cap").then().statusCode(200).extract().asString());
        assertThat(CapXmlTest.text(update, "msgType")).isEqualTo("Update");
        assertThat(CapXmlTest.text(update, "references")).contains("," + firstIdentifier + ",")
                .startsWith("command-hq@liandong.example,");
        assertThat(CapXmlTest.text(update, "polygon")).isEqualTo("30.2,120.2 30.21,120.2 30.21,120.22 30.2,120.2");
        assertThat(CapXmlTest.text(update, "instruction")).contains("underpass");

        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path))
                .body("{\"sentBy\": \"hq-operator-07\", \"reason\": \"scene cleared\"}").post(path + "/cancel")
                .then().statusCode(200).body("msgType", equalTo("cancel")).body("references", hasSize(2));
        Document cancel = CapXmlTest.validate(As.hq().get(path + "/cap").then().extract().asString());
        assertThat(CapXmlTest.text(cancel, "msgType")).isEqualTo("Cancel");

        var published = Db.events("io.liandong.alert.published.v1", id).stream()
                .map(json -> EventJson.read(json, AlertPublished.class)).toList();
        assertThat(published).extracting(AlertPublished::msgType)
                .containsExactly(AlertMessageType.ALERT, AlertMessageType.UPDATE, AlertMessageType.CANCEL);
        assertThat(published.get(2).references()).hasSize(2).contains(firstIdentifier);
        As.hq().get(alerts).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void badAlertsAreRefusedAndChangeNothing() {
        String incident = Api.report();
        String alerts = "/api/v1/incidents/" + incident + "/alerts";
        As.hq().contentType(ContentType.JSON).body(ALERT.replace("\"Avoid\"", "\"Panic\"")).post(alerts)
                .then().statusCode(400).body("errors.field", hasItem("responseType"));
        As.hq().contentType(ContentType.JSON).body(ALERT.replace("\"headline\": \"滨江商圈管理处周边请绕行\",", "")).post(alerts)
                .then().statusCode(400).body("errors.field", hasItem("headline"));
        As.hq().contentType(ContentType.JSON).body(ALERT.replace("\"radiusKm\": 0.3,", "\"polygon\": [{\"lat\": 30.2, \"lon\": 120.2}],"))
                .post(alerts).then().statusCode(422).body("errors.field", hasItem("polygon"));
        As.hq().contentType(ContentType.JSON).body(ALERT.replace("\"radiusKm\": 0.3,",
                "\"expiresAt\": \"" + clock.instant().minusSeconds(60) + "\",")).post(alerts)
                .then().statusCode(422).body("errors.field", hasItem("expiresAt"));
        As.hq().contentType(ContentType.JSON).body(ALERT).post("/api/v1/incidents/inc-nope/alerts").then().statusCode(404);
        As.hq().get(alerts).then().statusCode(200).body("", hasSize(0));

        String id = As.hq().contentType(ContentType.JSON).body(ALERT).post(alerts).then().statusCode(201).extract().path("id");
        String path = alerts + "/" + id;
        As.hq().contentType(ContentType.JSON).body(ALERT).put(path).then().statusCode(428);
        As.hq().contentType(ContentType.JSON).header("If-Match", "\"42\"").body(ALERT).put(path).then().statusCode(412);
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body("{\"sentBy\": \"op\"}").post(path + "/cancel")
                .then().statusCode(200);
        As.hq().contentType(ContentType.JSON).header("If-Match", Api.etag(path)).body(ALERT).put(path)
                .then().statusCode(409).contentType("application/problem+json");
        As.hq().get(alerts + "/alr-nope/cap").then().statusCode(404);
        assertThat(Db.events("io.liandong.alert.published.v1", id)).hasSize(2);
    }
}
