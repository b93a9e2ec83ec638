package io.liandong.platform.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.error.StaleVersionException;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void theEtagOfAVersionIsAQuotedStrongTag() {
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void theCurrentVersionOrAStarMatches() {
        Versions.requireMatch("\"3\"", 3, "incident", "inc-1");
        Versions.requireMatch("\"1\", \"3\"", 3, "incident", "inc-1");
        Versions.requireMatch("*", 3, "incident", "inc-1");
    }

    @Test
    void aMissingHeaderIsPreconditionRequired() {
        assertThatThrownBy(() -> Versions.requireMatch(null, 3, "incident", "inc-1"))
                .isInstanceOf(PreconditionRequiredException.class)
                .satisfies(e -> assertThat(((PreconditionRequiredException) e).status()).isEqualTo(428));
        assertThatThrownBy(() -> Versions.requireMatch("  ", 3, "incident", "inc-1"))
                .isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void aStaleOrWeakTagIsAPreconditionFailure() {
        assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3, "incident", "inc-1"))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("inc-1").hasMessageContaining("\"3\"");
        assertThatThrownBy(() -> Versions.requireMatch("W/\"3\"", 3, "incident", "inc-1"))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> Versions.requireMatch("3", 3, "incident", "inc-1"))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aListIsSplitIntoItsTags() {
        assertThat(Versions.parse("\"a,b\", W/\"c\" ,\"d\"")).containsExactly("\"a,b\"", "W/\"c\"", "\"d\"");
    }
}
