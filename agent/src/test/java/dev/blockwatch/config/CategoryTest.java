package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {

    @Test
    void optionNamesAreTheLowerCaseNamesOfDesignTable() {
        List<String> names = Arrays.stream(Category.values()).map(Category::optionName).collect(Collectors.toList());
        assertEquals(List.of("file", "socket", "dns", "process", "sleep", "wait", "jdbc", "redis"), names);
    }

    @Test
    void ofIdReturnsTheCategoryWithThatOrdinal() {
        for (Category category : Category.values()) {
            assertEquals(category, Category.ofId(category.ordinal()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8, Integer.MAX_VALUE})
    void ofIdRejectsIdsOutsideTheEnum(int id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Category.ofId(id));
        assertEquals("no category has id " + id + "; ids run from 0 to 7", e.getMessage());
    }
}
