package io.liandong.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreferTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "return=minimal",
            "RETURN=Minimal",
            " return = minimal ",
            "return=\"minimal\"",
            "respond-async, return=minimal",
            "return=minimal; foo=\"a,b\"",
            "wait=10, handling=lenient, return=minimal",
    })
    void asksForTheResourceAlone(String header) {
        assertThat(Prefer.returnMinimal(List.of(header))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "return=representation",
            "return",
            "returns=minimal",
            "minimal",
            "respond-async",
            "foo=\"return=minimal\"",
            "return=representation, return=minimal",
    })
    void otherwiseTheWholeAnswer(String header) {
        assertThat(Prefer.returnMinimal(List.of(header))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "respond-async | return=minimal | true",
            "return=representation | return=minimal | false",
    })
    void everyHeaderCountsAndTheFirstReturnWins(String first, String second, boolean minimal) {
        assertThat(Prefer.returnMinimal(List.of(first, second))).isEqualTo(minimal);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void noHeaderIsTheWholeAnswer(boolean asNull) {
        assertThat(Prefer.returnMinimal(asNull ? null : List.of())).isFalse();
        assertThat(Prefer.returnMinimal(Arrays.asList((String) null))).isFalse();
    }
}
