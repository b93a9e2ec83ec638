package io.liandong.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesEncodingAndIsOpaque() {
        Cursor cursor = Cursor.of("2026-03-14T05:12:40Z", "grv-滨江-1");
        String token = cursor.encode();

        assertThat(token).doesNotContain("grv").matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(token, 2)).isEqualTo(cursor);
    }

    @Test
    void aForgedOrForeignCursorIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Cursor.decode("not base64!", 2))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("a").encode(), 2)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPageTakesOneRowMoreToKnowWhetherThereIsANextOne() {
        Page<String> last = Page.of(List.of(1, 2), 2, String::valueOf, i -> Cursor.of(String.valueOf(i)));
        Page<String> more = Page.of(List.of(1, 2, 3), 2, String::valueOf, i -> Cursor.of(String.valueOf(i)));

        assertThat(last.items()).containsExactly("1", "2");
        assertThat(last.nextCursor()).isNull();
        assertThat(more.items()).containsExactly("1", "2");
        assertThat(Cursor.decode(more.nextCursor(), 1).value(0)).isEqualTo("2");
    }

    @Test
    void aPageSizeHasADefaultAndAMaximum() {
        assertThat(PageSize.STANDARD.resolve(null)).isEqualTo(50);
        assertThat(PageSize.STANDARD.resolve(200)).isEqualTo(200);
        assertThatThrownBy(() -> PageSize.STANDARD.resolve(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageSize.STANDARD.resolve(201)).isInstanceOf(InvalidInputException.class);
    }
}
