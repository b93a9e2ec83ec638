package io.liandong.grievance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.common.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The early-warning rule alone, with time passed in: 5 voices of one dispute type within 500 m within 30 minutes. */
class SurgeDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-14T05:11:07Z");
    private static final GeoPoint OFFICE = new GeoPoint(30.2084, 120.2119);

    private final SurgeDetector detector = new SurgeDetector(new SurgeRule(5, 500, Duration.ofMinutes(30), false));
    private final List<SurgeCluster> clusters = new ArrayList<>();
    private int ids;

    /** Files one grievance the way the service does: into its cluster, or a new one. */
    private Optional<SurgeDetector.Alarm> file(String voice, GeoPoint at, String area, Instant when) {
        SurgeMember g = new SurgeMember("grv-" + (++ids), voice, at, true, area, when);
        SurgeDetector.Decision d = detector.file(g, "rent-increase", clusters, when);
        SurgeCluster c = d.cluster();
        if (c.id() == null) {
            c = new SurgeCluster("cls-" + clusters.size(), c.disputeType(), c.areaCode(), c.revision(), c.windowStart(), c.members());
            clusters.add(c);
        } else {
            String id = c.id();
            clusters.removeIf(x -> x.id().equals(id));
            clusters.add(c);
        }
        return d.alarm();
    }

    private static GeoPoint north(double meters) {
        return new GeoPoint(OFFICE.lat() + meters / 111_195.0, OFFICE.lon());
    }

    @Test
    void fourGrievancesAreNoSurgeAndTheFifthRaisesOneAlarm() {
        for (int i = 0; i < 4; i++) {
            assertThat(file("merchant-" + i, north(i * 50), "330108", T0.plus(Duration.ofMinutes(i)))).isEmpty();
        }
        var alarm = file("merchant-4", north(200), "330108", T0.plus(Duration.ofMinutes(10)));

        assertThat(alarm).isPresent();
        assertThat(alarm.get().revision()).isEqualTo(1);
        assertThat(alarm.get().grievanceIds()).containsExactly("grv-1", "grv-2", "grv-3", "grv-4", "grv-5");
        assertThat(alarm.get().windowStart()).isEqualTo(T0);
        assertThat(alarm.get().windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(alarm.get().radiusMeters()).isBetween(90, 120);
        assertThat(clusters).hasSize(1);
    }

    @Test
    void aGrowingClusterIsUpdatedWithTheNextRevisionNotAlarmedAgain() {
        for (int i = 0; i < 5; i++) {
            file("merchant-" + i, north(i * 20), "330108", T0.plus(Duration.ofMinutes(i)));
        }
        var second = file("merchant-5", north(30), "330108", T0.plus(Duration.ofMinutes(12)));
        var third = file("merchant-6", north(40), "330108", T0.plus(Duration.ofMinutes(40)));

        assertThat(second.orElseThrow().revision()).isEqualTo(2);
        assertThat(second.get().grievanceIds()).hasSize(6);
        // Still the same cluster 40 minutes after the start: its last grievance was 28 minutes before.
        assertThat(third.orElseThrow().revision()).isEqualTo(3);
        assertThat(third.get().grievanceIds()).hasSize(7);
        assertThat(clusters).hasSize(1);
    }

    @Test
    void aHeldBackUpdateTellsTheClusterAsItStandsInTheNextRevision() {
        for (int i = 0; i < 4; i++) {
            file("merchant-" + i, north(i * 20), "330108", T0.plus(Duration.ofMinutes(i)));
        }
        assertThatThrownBy(() -> detector.update(clusters.get(0), T0.plus(Duration.ofMinutes(5))))
                .isInstanceOf(IllegalStateException.class);
        file("merchant-4", north(80), "330108", T0.plus(Duration.ofMinutes(5)));
        // The service keeps the revision of the alarm it raised while the growth is held back.
        SurgeCluster alarmed = clusters.get(0);
        file("merchant-5", north(100), "330108", T0.plus(Duration.ofMinutes(6)));
        file("merchant-5", north(100), "330108", T0.plus(Duration.ofMinutes(6)));
        SurgeCluster grown = clusters.get(0);
        SurgeCluster heldBack = new SurgeCluster(grown.id(), grown.disputeType(), grown.areaCode(), alarmed.revision(),
                alarmed.windowStart(), grown.members());

        var update = detector.update(heldBack, T0.plus(Duration.ofMinutes(7)));
        assertThat(update.revision()).isEqualTo(2);
        assertThat(update.grievanceIds()).containsExactly("grv-1", "grv-2", "grv-3", "grv-4", "grv-5", "grv-6");
        assertThat(update.windowStart()).isEqualTo(T0);
        assertThat(update.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        assertThat(update.radiusMeters()).isBetween(40, 70);
    }

    @Test
    void aVeryLargeClusterListsItsEarliestGrievancesAndCountsThemAll() {
        SurgeDetector capped = new SurgeDetector(new SurgeRule(5, 500, Duration.ofMinutes(30), false, 6));
        List<SurgeCluster> one = new ArrayList<>();
        SurgeDetector.Alarm last = null;
        for (int i = 0; i < 8; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            SurgeMember g = new SurgeMember("grv-" + i, "merchant-" + i, north(i * 10), true, "330108", at);
            SurgeDetector.Decision d = capped.file(g, "rent-increase", one, at);
            one.clear();
            one.add(d.cluster().id() == null ? new SurgeCluster("cls-0", d.cluster().disputeType(), d.cluster().areaCode(),
                    d.cluster().revision(), d.cluster().windowStart(), d.cluster().members()) : d.cluster());
            last = d.alarm().orElse(last);
        }
        assertThat(last.revision()).isEqualTo(4);
        assertThat(last.count()).isEqualTo(8);
        assertThat(last.grievanceIds()).containsExactly("grv-0", "grv-1", "grv-2", "grv-3", "grv-4", "grv-5");
        // The picture is of all of them: the furthest, 70 m north, is inside the radius.
        assertThat(last.radiusMeters()).isBetween(35, 45);
        assertThatThrownBy(() -> new SurgeRule(5, 500, Duration.ofMinutes(30), false, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTallyKeptBetweenFilingsGivesTheCentreOfTheCountedMembers() {
        List<SurgeMember> members = List.of(
                new SurgeMember("grv-1", "a", north(0), false, "330108", T0),
                new SurgeMember("grv-2", "b", north(100), false, "330108", T0.plusSeconds(1)));
        SurgeCluster unlocated = new SurgeCluster("cls-1", "rent-increase", "330108", 0, null, members);
        assertThat(SurgeTally.of(unlocated.counted()).centre()).isEqualTo(unlocated.centre());

        // Located voices decide the centre once there are any; a repeat (voice b again, elsewhere) counts nothing.
        SurgeCluster mixed = unlocated
                .with(new SurgeMember("grv-3", "c", north(300), true, "330108", T0.plusSeconds(2)))
                .with(new SurgeMember("grv-4", "b", north(900), true, "330108", T0.plusSeconds(3)))
                .with(new SurgeMember("grv-5", "d", north(500), true, "330108", T0.plusSeconds(4)));
        SurgeTally built = SurgeTally.EMPTY;
        for (SurgeMember m : mixed.counted()) {
            built = built.plus(m);
        }
        assertThat(built).isEqualTo(SurgeTally.of(mixed.counted()));
        assertThat(built.voices()).isEqualTo(4);
        assertThat(built.centre().lat()).isCloseTo(mixed.centre().lat(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(built.centre().lon()).isCloseTo(mixed.centre().lon(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Geo.meters(built.centre(), north(400))).isLessThan(0.01);
        assertThatThrownBy(() -> SurgeTally.EMPTY.centre()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void joiningByPlacementChoosesTheClusterFilingOnMembersWould() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        var near = new SurgeDetector.Placement("cls-near", "330108", now.minusSeconds(60), north(300), true);
        var nearer = new SurgeDetector.Placement("cls-nearer", "330106", now.minusSeconds(60), north(150), true);
        var gone = new SurgeDetector.Placement("cls-gone", "330108", now.minus(Duration.ofMinutes(31)), north(0), true);
        var far = new SurgeDetector.Placement("cls-far", "330106", now, north(2000), true);
        SurgeMember g = new SurgeMember("grv-9", "z", north(0), true, "330108", now);

        assertThat(detector.join(g, List.of(near, nearer, gone, far), now)).map(SurgeDetector.Placement::id)
                .contains("cls-nearer");
        assertThat(detector.join(g, List.of(gone, far), now)).isEmpty();
        // Without coordinates of its own, a grievance joins a cluster of its area, however far its centre.
        SurgeMember unlocated = new SurgeMember("grv-10", "y", north(5000), false, "330106", now);
        assertThat(detector.join(unlocated, List.of(far), now)).map(SurgeDetector.Placement::id).contains("cls-far");
    }

    @Test
    void nearIdenticalGrievancesFromOneComplainantCountOnce() {
        for (int i = 0; i < 4; i++) {
            file("complainant:cpl-same", north(10), "330108", T0.plus(Duration.ofMinutes(i)));
        }
        assertThat(file("merchant-b", north(20), "330108", T0.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(clusters.get(0).counted()).hasSize(2);
        assertThat(clusters.get(0).members()).hasSize(5);
    }

    @Test
    void aRepeatFromAComplainantAlreadyCountedRaisesNoUpdate() {
        for (int i = 0; i < 5; i++) {
            file("merchant-" + i, north(i * 20), "330108", T0.plus(Duration.ofMinutes(i)));
        }
        assertThat(file("merchant-2", north(20), "330108", T0.plus(Duration.ofMinutes(6)))).isEmpty();
    }

    @Test
    void grievancesFurtherApartThanTheRadiusAreDifferentPlaces() {
        for (int i = 0; i < 5; i++) {
            assertThat(file("merchant-" + i, north(i * 800), "33010" + i, T0.plus(Duration.ofMinutes(i)))).isEmpty();
        }
        assertThat(clusters).hasSize(5);
    }

    @Test
    void grievancesSpreadOverMoreThanTheWindowAreNoSurge() {
        for (int i = 0; i < 5; i++) {
            assertThat(file("merchant-" + i, north(10), "330108", T0.plus(Duration.ofMinutes(i * 10)))).isEmpty();
        }
        // The cluster stayed active (each came within 30 minutes of the one before), but never held 5 in one window.
        assertThat(clusters).hasSize(1);
        assertThat(file("merchant-5", north(10), "330108", T0.plus(Duration.ofMinutes(45)))).isEmpty();
        assertThat(file("merchant-6", north(10), "330108", T0.plus(Duration.ofMinutes(46)))).isPresent();
    }

    @Test
    void afterAQuietWindowANewClusterStarts() {
        for (int i = 0; i < 5; i++) {
            file("merchant-" + i, north(10), "330108", T0.plus(Duration.ofMinutes(i)));
        }
        assertThat(file("merchant-9", north(10), "330108", T0.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(clusters).hasSize(2);
    }

    @Test
    void theSameAreaCountsWhenTheRuleSaysSoOrWhenCoordinatesAreMissing() {
        SurgeDetector byArea = new SurgeDetector(new SurgeRule(5, 500, Duration.ofMinutes(30), true));
        SurgeCluster far = new SurgeCluster("c", "rent-increase", "330108", 0, null,
                List.of(new SurgeMember("g1", "v1", north(0), true, "330108", T0)));
        SurgeMember fiveKmAway = new SurgeMember("g2", "v2", north(5000), true, "330108", T0);
        SurgeMember unlocated = new SurgeMember("g3", "v3", north(5000), false, "330108", T0);

        assertThat(byArea.similar(fiveKmAway, far)).isTrue();
        assertThat(detector.similar(fiveKmAway, far)).isFalse();
        assertThat(detector.similar(unlocated, far)).isTrue();
    }

    @Test
    void anotherDisputeTypeIsAnotherCluster() {
        SurgeCluster rent = new SurgeCluster("c", "rent-increase", "330108", 0, null,
                List.of(new SurgeMember("g1", "v1", OFFICE, true, "330108", T0)));
        var d = detector.file(new SurgeMember("g2", "v2", OFFICE, true, "330108", T0), "wage-arrears", List.of(rent), T0);
        assertThat(d.cluster().id()).isNull();
    }

    @Test
    void voicesIgnoreCaseSpacesAndPunctuationOfAnonymousGrievances() {
        assertThat(Voices.of("anon-1", false, "租金 上涨了！！ Help"))
                .isEqualTo(Voices.of("anon-2", false, "租金上涨了 help."));
        assertThat(Voices.of("cpl-1", true, "a")).isEqualTo(Voices.of("cpl-1", true, "b"));
        assertThat(Voices.of("anon-1", false, "租金上涨")).isNotEqualTo(Voices.of("anon-2", false, "工资拖欠"));
    }
}
