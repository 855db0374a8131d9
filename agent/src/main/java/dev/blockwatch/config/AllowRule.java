package dev.blockwatch.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the {@code allow} option: a type, or one method of a type, inside which blocking calls are not
 * reported. Matching is exact on the binary class name, so a rule on {@code Outer} does not cover
 * {@code Outer$Inner}: a nested class is allowed only by naming it.
 */
public final class AllowRule {
    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    // Constructors and static initializers appear in stack frames as <init> and <clinit>.
    private static final Pattern RULE = Pattern.compile(
            "(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*)(?:#(" + IDENTIFIER + "|<init>|<clinit>))?");

    private final String typeName;
    private final String methodName;

    private AllowRule(String typeName, String methodName) {
        this.typeName = typeName;
        this.methodName = methodName;
    }

    /** Reads {@code com.example.Type} or {@code com.example.Type#method}. */
    static AllowRule parse(String text) throws InvalidValueException {
        Matcher matcher = RULE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidValueException("'" + text + "' is not a type or type#method; expected +-separated"
                    + " entries such as com.example.Type#method or com.example.Type");
        }
        return new AllowRule(matcher.group(1), matcher.group(2));
    }

    /** The binary name of the type, as {@link StackTraceElement#getClassName()} gives it. */
    public String typeName() {
        return typeName;
    }

    /** The method, or {@code null} when the rule covers every method of the type. */
    public String methodName() {
        return methodName;
    }

    /** Whether a stack frame of this class and method lies inside this rule. */
    public boolean matches(String className, String methodName) {
        return typeName.equals(className) && (this.methodName == null || this.methodName.equals(methodName));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowRule rule
                && typeName.equals(rule.typeName)
                && Objects.equals(methodName, rule.methodName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName, methodName);
    }

    /** The rule as the {@code allow} option writes it. */
    @Override
    public String toString() {
        return methodName == null ? typeName : typeName + "#" + methodName;
    }
}
