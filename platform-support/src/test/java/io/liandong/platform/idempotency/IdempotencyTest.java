package io.liandong.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.error.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IdempotencyTest {

    record Request(String category, String description) {
    }

    record Result(String id, int number) {
    }

    @Inject
    Idempotency idempotency;

    @Inject
    DataSource dataSource;

    private final AtomicInteger runs = new AtomicInteger();

    private Idempotency.Outcome<Result> run(String key, Request request) {
        return QuarkusTransaction.requiringNew().call(() -> idempotency.run("POST /things", key, request, Result.class,
                () -> new Result("thing-" + runs.incrementAndGet(), runs.get())));
    }

    @Test
    void theSameKeyWithTheSameRequestGetsTheOriginalResultWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        var first = run(key, new Request("shop-rent", "租金上涨"));
        var second = run(key, new Request("shop-rent", "租金上涨"));

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndRunsNothing() {
        String key = UUID.randomUUID().toString();
        run(key, new Request("shop-rent", "租金上涨"));

        assertThatThrownBy(() -> run(key, new Request("shop-rent", "租金上涨了")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aKeyIsScopedSoTwoEndpointsMayUseTheSameOne() {
        String key = UUID.randomUUID().toString();
        run(key, new Request("a", "b"));
        var other = QuarkusTransaction.requiringNew().call(() -> idempotency.run("POST /others", key,
                new Request("x", "y"), Result.class, () -> new Result("other", 0)));

        assertThat(other.replayed()).isFalse();
    }

    @Test
    void aRolledBackRequestLeavesNoKeySoItsRetryRuns() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> idempotency.run("POST /things", key,
                new Request("a", "b"), Result.class, () -> {
                    throw new IllegalStateException("failing on purpose");
                }))).isInstanceOf(IllegalStateException.class);

        assertThat(rows(key)).isZero();
        assertThat(run(key, new Request("a", "b")).replayed()).isFalse();
    }

    @Test
    void withoutAKeyEveryRequestRunsAndABadKeyIsRefused() {
        run(null, new Request("a", "b"));
        run(null, new Request("a", "b"));
        assertThat(runs).hasValue(2);
        assertThatThrownBy(() -> run("has spaces in it", new Request("a", "b"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keysOlderThanTheRetentionAreForgotten() {
        String key = UUID.randomUUID().toString();
        run(key, new Request("a", "b"));

        idempotency.forgetBefore(java.time.Instant.now().plusSeconds(60));

        assertThat(rows(key)).isZero();
        assertThat(run(key, new Request("a", "b")).replayed()).isFalse();
    }

    private long rows(String key) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
