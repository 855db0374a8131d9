package dev.blockwatch.instrument;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * One family of blocking calls: the category it reports under and, per JDK or library type,
 * the methods it times and the advice it applies. Adding a family is one new implementation
 * and one line in {@link CallFamilies}.
 */
public interface CallFamily {
    Category category();

    List<TypeAdvice> types();
}
