package io.liandong.grievance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.liandong.contracts.EventJson;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.grievance.support.Db;
import io.liandong.grievance.support.Events;
import io.liandong.grievance.support.MovableClockProfile;
import io.liandong.grievance.support.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

/**
 * Early warning end to end: grievances filed over REST, the clock moved instead of waiting, and
 * {@code grievance.surge-detected} read back from liandong.grievance.events.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
@WithTestResource(DevstackTestResource.class)
class SurgeDetectionTest {

    private static final String SURGE = "io.liandong.grievance.surge-detected.v1";

    private String area;
    private double lat;

    @BeforeEach
    void aPlaceOfItsOwnAfterEverythingBeforeHasGoneQuiet() {
        TestClock.CLOCK.advance(Duration.ofDays(1));
        // Growth an earlier test left held back is raised by its deadline, now due: let that happen first,
        // so nothing written in the background lands inside a test's before-and-after.
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("SELECT count(*) FROM platform_deadline"
                + " WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND due_at <= ?",
                Timestamp.from(TestClock.CLOCK.instant())) == 0);
        area = String.valueOf(100000 + (int) (Math.random() * 899999));
        lat = 20 + Math.random() * 20;
    }

    private String file(String phone, double metersNorth, String description) {
        String contact = phone == null ? "" : ", \"contact\": {\"phone\": \"" + phone + "\"}";
        String body = """
                {"category": "shop-rent", "description": "%s",
                 "place": {"lat": %s, "lon": 120.2119, "areaCode": "%s", "address": "滨江商圈"}, "channel": "web"%s}
                """.formatted(description, lat + metersNorth / 111_195.0, area, contact);
        return As.hq().contentType(ContentType.JSON).body(body).post("/api/v1/grievances")
                .then().statusCode(201).extract().path("id");
    }

    private String merchant(int i) {
        return file("1380000" + String.format("%04d", i), i * 30, "租金一次性上调 " + i);
    }

    private static List<GrievanceSurgeDetected> surgesOf(List<ConsumerRecord<String, byte[]>> records, String grievanceId) {
        return records.stream().filter(r -> SURGE.equals(Events.type(r)))
                .map(r -> EventJson.read(Events.body(r), GrievanceSurgeDetected.class))
                .filter(s -> s.grievanceIds().contains(grievanceId)).toList();
    }

    @Test
    void fiveMerchantsWithinHalfAKilometreInHalfAnHourRaiseOneAlarmThenUpdates() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(merchant(i));
            TestClock.CLOCK.advance(Duration.ofMinutes(5));
        }
        String cluster = Db.count("SELECT count(DISTINCT surge_cluster_id) FROM grievance WHERE area_code = ?", area) == 1
                ? "one" : "several";
        assertThat(cluster).isEqualTo("one");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ?", SURGE,
                "%" + ids.get(0) + "%")).isZero();

        ids.add(merchant(4));
        var records = Events.readUntil(rs -> !surgesOf(rs, ids.get(4)).isEmpty());
        var first = surgesOf(records, ids.get(4));
        assertThat(first).hasSize(1);
        GrievanceSurgeDetected alarm = first.get(0);
        assertThat(alarm.revision()).isEqualTo(1);
        assertThat(alarm.count()).isEqualTo(5);
        assertThat(alarm.grievanceIds()).containsExactlyElementsOf(ids);
        assertThat(alarm.disputeType()).isEqualTo("rent-increase");
        assertThat(alarm.areaCode()).isEqualTo(area);
        assertThat(Duration.between(alarm.windowStart(), alarm.windowEnd())).isEqualTo(Duration.ofMinutes(20));

        // The same merchant again: near-identical, counted once, no new alarm.
        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        String repeat = file("13800000002", 60, "租金又涨了，再说一次");
        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        String sixth = merchant(5);
        records = Events.readUntil(rs -> !surgesOf(rs, sixth).isEmpty());
        var ofCluster = records.stream().filter(r -> SURGE.equals(Events.type(r)))
                .map(r -> EventJson.read(Events.body(r), GrievanceSurgeDetected.class))
                .filter(s -> s.clusterId().equals(alarm.clusterId())).toList();
        assertThat(ofCluster).extracting(GrievanceSurgeDetected::revision).containsExactly(1, 2);
        assertThat(ofCluster.get(1).count()).isEqualTo(6);
        assertThat(ofCluster.get(1).grievanceIds()).contains(sixth).doesNotContain(repeat);
        assertThat(records.stream().filter(r -> SURGE.equals(Events.type(r))).map(r -> r.key()).distinct()
                .filter(k -> k.equals(alarm.clusterId()))).hasSize(1);
        // The repeat is still in the cluster, so it is taken up with the others when an incident opens.
        assertThat(Db.count("SELECT count(*) FROM grievance WHERE id = ? AND surge_cluster_id = ?", repeat, alarm.clusterId())).isOne();
    }

    @Test
    void growthWithinTheUpdateIntervalIsToldInOneUpdateWhenTheIntervalEnds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(merchant(30 + i));
            TestClock.CLOCK.advance(Duration.ofSeconds(1));
        }
        var records = Events.readUntil(rs -> !surgesOf(rs, ids.get(4)).isEmpty());
        GrievanceSurgeDetected alarm = surgesOf(records, ids.get(4)).get(0);
        assertThat(alarm.revision()).isEqualTo(1);

        // Two more voices and a repeat within the default interval (10 s) of the alarm: nothing raised yet.
        String sixth = merchant(35);
        TestClock.CLOCK.advance(Duration.ofSeconds(2));
        String seventh = merchant(36);
        String repeat = file("13800000031", 40, "再说一次");
        for (String id : List.of(sixth, seventh, repeat)) {
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ?", SURGE, "%" + id + "%"))
                    .isZero();
        }

        // The interval ends: one update tells all of the growth.
        TestClock.CLOCK.advance(Duration.ofSeconds(10));
        records = Events.readUntil(rs -> !surgesOf(rs, seventh).isEmpty());
        var updates = surgesOf(records, seventh);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).revision()).isEqualTo(2);
        assertThat(updates.get(0).count()).isEqualTo(7);
        assertThat(updates.get(0).grievanceIds()).contains(sixth, seventh).doesNotContain(repeat);
        assertThat(updates.get(0).clusterId()).isEqualTo(alarm.clusterId());

        // Later growth, after the interval, is told at once.
        TestClock.CLOCK.advance(Duration.ofSeconds(11));
        String eighth = merchant(37);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ? AND payload LIKE ?",
                SURGE, "%" + eighth + "%", "%\"revision\":3%")).isOne();
    }

    @Test
    void anAlarmedClusterIsFoundAroundItsCentreAsItMoves() {
        List<String> ids = new ArrayList<>();
        for (int meters : new int[] {0, 30, 60, 90, 120, 600, 700, 800, 900}) {
            ids.add(file("136" + String.format("%08d", meters), meters, "商户 " + meters));
        }
        String cluster = As.hq().get("/api/v1/grievances/" + ids.get(0)).then().extract().path("surgeClusterId");
        // The centre is now about 366 m north of the first merchant. A grievance from the next area, 800 m
        // north, is 434 m from it: the same place. From where the alarm was first raised (60 m) it would not be.
        String body = """
                {"category": "shop-rent", "description": "隔壁片区也涨租",
                 "place": {"lat": %s, "lon": 120.2119, "areaCode": "%s", "address": "滨江商圈"}, "channel": "web",
                 "contact": {"phone": "13700000800"}}
                """.formatted(lat + 800 / 111_195.0, (area.startsWith("9") ? "8" : "9") + area.substring(1));
        As.hq().contentType(ContentType.JSON).body(body).post("/api/v1/grievances")
                .then().statusCode(201).body("surgeClusterId", equalTo(cluster));
    }

    @Test
    void fiveGrievancesSpreadOverMoreThanTheWindowRaiseNothing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(merchant(10 + i));
            TestClock.CLOCK.advance(Duration.ofMinutes(10));
        }
        String fence = file(null, 5000, "fence");
        Events.readUntil(Events.has("io.liandong.grievance.received.v1", fence));
        for (String id : ids) {
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ?", SURGE, "%" + id + "%"))
                    .isZero();
        }
    }

    @Test
    void aComplainantCannotRaiseAnAlarmAlone() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(file("13912345678", i * 10, "租金上涨 第" + i + "次"));
            TestClock.CLOCK.advance(Duration.ofMinutes(1));
        }
        for (String id : ids) {
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ?", SURGE, "%" + id + "%"))
                    .isZero();
        }
    }

    @Test
    void aComplainantMayReopenOnlyWithinThePeriod() {
        String id = merchant(20);
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"resolved\", \"closedBy\": \"commerce-bureau\"}")
                .post("/api/v1/grievances/" + id + "/resolve").then().statusCode(200);
        TestClock.CLOCK.advance(Duration.ofDays(30).plusMinutes(1));
        String footprint = Db.footprint();
        As.hq().contentType(ContentType.JSON).body("{\"reason\": \"not kept\", \"reopenedBy\": \"complainant\"}")
                .post("/api/v1/grievances/" + id + "/reopen")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(Db.footprint()).isEqualTo(footprint);
    }
}
