package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;

/**
 * Where the advice finds what a call is about, bound to the advice's {@link Detail}
 * parameters: on entry, for a report of the call while it is in progress, and on exit. Reading it costs one local or field load per call; it is described as text only
 * when the call is reported.
 */
@FunctionalInterface
public interface DetailSource {
    TypeDescription.Generic OBJECT = TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);

    /** How the detail is read in the given instrumented method. */
    Advice.OffsetMapping mappingFor(TypeDescription type, MethodDescription method);

    /** A field of the instrumented object (or of a superclass), such as a stream's {@code path}. */
    static DetailSource field(String name) {
        return (type, method) -> {
            for (TypeDefinition declaring = type; declaring != null; declaring = declaring.getSuperClass()) {
                FieldList<?> fields = declaring.getDeclaredFields().filter(named(name));
                if (!fields.isEmpty()) {
                    return new Advice.OffsetMapping.ForField.Resolved(OBJECT, true, Assigner.Typing.STATIC,
                            fields.getOnly());
                }
            }
            throw new IllegalStateException(type.getName() + " has no field " + name);
        };
    }

    /** An argument of the instrumented method, such as the address a connect goes to. */
    static DetailSource argument(int index) {
        return (type, method) -> new Advice.OffsetMapping.ForArgument.Resolved(OBJECT, true, Assigner.Typing.STATIC,
                method.getParameters().get(index));
    }

    /** The instrumented object itself, such as a socket channel. */
    static DetailSource self() {
        return (type, method) -> new Advice.OffsetMapping.ForThisReference(OBJECT, true, Assigner.Typing.STATIC, false);
    }

    /**
     * The value the method returned, such as the connection an accept returned; null on entry
     * (while the call is in progress) and after an exception.
     */
    static DetailSource returned() {
        return (type, method) -> (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) ->
                sort == Advice.OffsetMapping.Sort.ENTER
                        ? new Advice.OffsetMapping.Target.ForStackManipulation(NullConstant.INSTANCE)
                        : new Advice.OffsetMapping.ForReturnValue(OBJECT, true, Assigner.Typing.STATIC)
                                .resolve(instrumentedType, instrumentedMethod, assigner, argumentHandler, sort);
    }

    /** Nothing: the family has no detail (a sleep, a wait). */
    static DetailSource none() {
        return (type, method) -> (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) ->
                new Advice.OffsetMapping.Target.ForStackManipulation(NullConstant.INSTANCE);
    }
}
