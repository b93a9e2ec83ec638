package io.liandong.department.domain;

import static io.liandong.contracts.assignment.AssignmentStatus.ACKNOWLEDGED;
import static io.liandong.contracts.assignment.AssignmentStatus.EN_ROUTE;
import static io.liandong.contracts.assignment.AssignmentStatus.NOTIFIED;
import static io.liandong.contracts.assignment.AssignmentStatus.ON_SCENE;
import static io.liandong.contracts.assignment.AssignmentStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.error.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

class InboxLifecycleTest {

    @Test
    void anAgencyWorksItsAssignmentInOrder() {
        assertThat(InboxLifecycle.allows(NOTIFIED, ACKNOWLEDGED)).isTrue();
        assertThat(InboxLifecycle.allows(ACKNOWLEDGED, EN_ROUTE)).isTrue();
        assertThat(InboxLifecycle.allows(EN_ROUTE, ON_SCENE)).isTrue();
        assertThat(InboxLifecycle.allows(ACKNOWLEDGED, ON_SCENE)).as("people already nearby skip en route").isTrue();
        assertThat(InboxLifecycle.allows(ON_SCENE, RELEASED)).isTrue();
    }

    @Test
    void outOfOrderRepeatedAndBackwardMovesAreRefused() {
        assertThat(InboxLifecycle.allows(NOTIFIED, ON_SCENE)).as("arriving before acknowledging").isFalse();
        assertThat(InboxLifecycle.allows(NOTIFIED, EN_ROUTE)).isFalse();
        assertThat(InboxLifecycle.allows(NOTIFIED, RELEASED)).isFalse();
        assertThat(InboxLifecycle.allows(ACKNOWLEDGED, ACKNOWLEDGED)).isFalse();
        assertThat(InboxLifecycle.allows(ON_SCENE, EN_ROUTE)).isFalse();
        assertThat(InboxLifecycle.allows(RELEASED, ACKNOWLEDGED)).isFalse();
        assertThatThrownBy(() -> InboxLifecycle.require("asg-1", NOTIFIED, ON_SCENE))
                .isInstanceOf(IllegalStateChangeException.class).hasMessageContaining("notified").hasMessageContaining("on-scene");
    }

    @Test
    void referralsOnlyBeforeSettingOffAndTheHqsMovesOnlyForwards() {
        assertThat(InboxLifecycle.mayRefer(NOTIFIED)).isTrue();
        assertThat(InboxLifecycle.mayRefer(ACKNOWLEDGED)).isTrue();
        assertThat(InboxLifecycle.mayRefer(EN_ROUTE)).isFalse();
        assertThat(InboxLifecycle.mayRefer(RELEASED)).isFalse();
        assertThat(InboxLifecycle.isForwards(NOTIFIED, ON_SCENE)).isTrue();
        assertThat(InboxLifecycle.isForwards(ON_SCENE, ACKNOWLEDGED)).isFalse();
        assertThat(InboxLifecycle.isForwards(RELEASED, RELEASED)).isFalse();
        assertThat(InboxLifecycle.isOpen(RELEASED)).isFalse();
    }
}
